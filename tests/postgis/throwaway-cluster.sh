# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
#
# Sourced by the PostGIS test and benchmark: a throwaway PostgreSQL cluster in a temporary
# directory, Unix socket only, run as the postgres user when we are root (PLATFORM.md).
#   pg_find          sets $pgbin, or $pg_why and returns 1
#   pg_start [OPTS]  initdb + start with extra server options; sets $pgdir (socket and data)
#   pg_sql DB ARGS…  psql on the cluster as user vigie
#   pg_stop          stops the server and removes the directory (safe to call twice)

pg_find() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ] || [ ! -x "$pgbin/pg_ctl" ]; then
    pg_why="PostgreSQL is not installed (apt-get install postgresql-15-postgis-3)"
    return 1
  fi
  if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    pg_why="PostGIS is not installed (apt-get install postgresql-15-postgis-3)"
    return 1
  fi
  if ! command -v psql >/dev/null; then
    pg_why="psql is not installed"
    return 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    pg_why="running as root and there is no postgres user to run the server"
    return 1
  fi
  return 0
}

pg_as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  pgdir=$(mktemp -d /tmp/vigie-postgis-XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
  pg_as_server "$pgbin/initdb" -D "$pgdir/data" -A trust -U vigie --no-sync -E UTF8 >"$pgdir/initdb.log" 2>&1 \
    || { cat "$pgdir/initdb.log" >&2; return 1; }
  pg_as_server "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
    -o "-k $pgdir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off $*" \
    start >/dev/null || { cat "$pgdir/server.log" >&2; return 1; }
}

pg_sql() {
  db=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -U vigie -d "$db" "$@"
}

pg_stop() {
  if [ -n "${pgdir:-}" ] && [ -d "$pgdir" ]; then
    pg_as_server "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
  pgdir=
}
