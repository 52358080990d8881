#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
#
# Vigie's flood exposure equals PostGIS's: for every envelope, the counts of buildings, address
# points, street segments and sites that ST_Intersects it, and the sums of
# ST_Area(ST_Intersection) and ST_Length(ST_Intersection), to within 0.01 %. Runs a throwaway
# PostgreSQL cluster in a temporary directory, Unix socket only (as the postgres user when run as
# root), on two data sets: the hand-made square library over hand-placed assets, and the
# SYNTHETIC Montpellier library over the real city assets. Skipped, saying so, when PostgreSQL
# or PostGIS is not installed (Debian: postgresql-15-postgis-3).
#
# Usage: test-flood-postgis.sh VIGIE_CLI SOURCE_ROOT
set -eu

cli=$1
top=$2
here=$(cd "$(dirname "$0")" && pwd)

skip() { echo "1..0 # SKIP $*"; exit 0; }

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] && [ -x "$pgbin/pg_ctl" ] \
  || skip "PostgreSQL is not installed (apt-get install postgresql-15-postgis-3)"
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
  || skip "PostGIS is not installed (apt-get install postgresql-15-postgis-3)"
command -v psql >/dev/null || skip "psql is not installed"

tmp=$(mktemp -d /tmp/vigie-postgis-XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || skip "running as root and there is no postgres user to run the server"
  chown postgres "$tmp"
  as_server() { runuser -u postgres -- "$@"; }
else
  as_server() { "$@"; }
fi
cleanup() {
  as_server "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

as_server "$pgbin/initdb" -D "$tmp/data" -A trust -U vigie --no-sync -E UTF8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log"; echo "Bail out! initdb failed"; exit 1; }
as_server "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
  -o "-k $tmp -c listen_addresses='' -c fsync=off -c synchronous_commit=off" start >/dev/null \
  || { cat "$tmp/server.log"; echo "Bail out! the server did not start"; exit 1; }

db() { psql -X -q -v ON_ERROR_STOP=1 -h "$tmp" -U vigie "$@"; }

n=0
echo "1..2"
for set in square montpellier; do
  n=$((n + 1))
  case $set in
    square) library=$top/tests/data/flood/square-library.geojson; assets=$top/tests/data/flood/square-assets.geojson ;;
    montpellier) library=$top/data/flood/montpellier-synthetic-hand-envelopes.gpkg; assets=$top/data/geodata/montpellier.gpkg ;;
  esac
  db -d postgres -c "CREATE DATABASE $set" >/dev/null
  db -d "$set" -c "CREATE EXTENSION postgis" >/dev/null
  python3 "$here/flood-to-sql.py" "$library" "$assets" >"$tmp/$set.sql"
  db -d "$set" -f "$tmp/$set.sql" >/dev/null
  db -d "$set" -A -t -F, -c "
    SELECT e.id,
      (SELECT count(*) FROM buildings b WHERE ST_Intersects(b.geom, e.geom)),
      (SELECT coalesce(sum(ST_Area(ST_Intersection(b.geom, e.geom))), 0) FROM buildings b WHERE ST_Intersects(b.geom, e.geom)),
      (SELECT count(*) FROM addresses a WHERE ST_Intersects(a.geom, e.geom)),
      (SELECT count(*) FROM streets s WHERE ST_Intersects(s.geom, e.geom)),
      (SELECT coalesce(sum(ST_Length(ST_Intersection(s.geom, e.geom))), 0) FROM streets s WHERE ST_Intersects(s.geom, e.geom)),
      (SELECT count(*) FROM sites t WHERE ST_Intersects(t.geom, e.geom))
    FROM env e ORDER BY e.id" >"$tmp/$set-postgis.csv"
  "$cli" flood exposure --envelopes "$library" --assets "$assets" --summary --json >"$tmp/$set-vigie.json" 2>/dev/null
  if python3 - "$tmp/$set-postgis.csv" "$tmp/$set-vigie.json" <<'PY'
import json, sys
postgis = {}
for line in open(sys.argv[1]):
    f = line.strip().split(",")
    if len(f) == 7:
        postgis[f[0]] = (int(f[1]), float(f[2]), int(f[3]), int(f[4]), float(f[5]), int(f[6]))
vigie = {}
for x in json.load(open(sys.argv[2]))["exposures"]:
    e = x["exposure"]
    t = e["totals"]
    vigie[e["envelope"]["id"]] = (t["buildings"], t["building_area_inside_m2"], t["addresses"],
                                  t["road_segments"], t["road_length_inside_m"], t["sites"])
bad = 0
if set(postgis) != set(vigie) or not postgis:
    print(f"# envelopes differ: PostGIS {sorted(postgis)} Vigie {sorted(vigie)}")
    sys.exit(1)
worst = 0.0
for k in sorted(postgis):
    p, v = postgis[k], vigie[k]
    for i, name in enumerate(("buildings", "area", "addresses", "segments", "length", "sites")):
        if i in (1, 4):
            rel = abs(p[i] - v[i]) / max(abs(p[i]), 1e-9)
            worst = max(worst, rel)
            ok = rel <= 1e-4
        else:
            ok = p[i] == v[i]
        if not ok:
            bad += 1
            print(f"# {k} {name}: PostGIS {p[i]} Vigie {v[i]}")
print(f"# {len(postgis)} envelopes compared, largest relative difference in area or length {worst:.2g}")
sys.exit(1 if bad else 0)
PY
  then
    echo "ok $n - $set: counts, ST_Area(ST_Intersection) and ST_Length(ST_Intersection) as PostGIS's"
  else
    echo "not ok $n - $set: differs from PostGIS"
  fi
done
