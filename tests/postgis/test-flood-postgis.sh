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

. "$here/throwaway-cluster.sh"
pg_find || skip "$pg_why"
trap pg_stop EXIT INT TERM
pg_start || { echo "Bail out! the PostgreSQL server did not start"; exit 1; }
db() { pg_sql "$@"; }

n=0
echo "1..2"
for set in square montpellier; do
  n=$((n + 1))
  case $set in
    square) library=$top/tests/data/flood/square-library.geojson; assets=$top/tests/data/flood/square-assets.geojson ;;
    montpellier) library=$top/data/flood/montpellier-synthetic-hand-envelopes.gpkg; assets=$top/data/geodata/montpellier.gpkg ;;
  esac
  db postgres -c "CREATE DATABASE $set" >/dev/null
  db "$set" -c "CREATE EXTENSION postgis" >/dev/null
  python3 "$here/flood-to-sql.py" "$library" "$assets" | db "$set" >/dev/null
  db "$set" -A -t -F, -c "
    SELECT e.id,
      (SELECT count(*) FROM buildings b WHERE ST_Intersects(b.geom, e.geom)),
      (SELECT coalesce(sum(ST_Area(ST_Intersection(b.geom, e.geom))), 0) FROM buildings b WHERE ST_Intersects(b.geom, e.geom)),
      (SELECT count(*) FROM addresses a WHERE ST_Intersects(a.geom, e.geom)),
      (SELECT count(*) FROM streets s WHERE ST_Intersects(s.geom, e.geom)),
      (SELECT coalesce(sum(ST_Length(ST_Intersection(s.geom, e.geom))), 0) FROM streets s WHERE ST_Intersects(s.geom, e.geom)),
      (SELECT count(*) FROM sites t WHERE ST_Intersects(t.geom, e.geom))
    FROM env e ORDER BY e.id" >"$pgdir/$set-postgis.csv"
  "$cli" flood exposure --envelopes "$library" --assets "$assets" --summary --json >"$pgdir/$set-vigie.json" 2>/dev/null
  if python3 - "$pgdir/$set-postgis.csv" "$pgdir/$set-vigie.json" <<'PY'
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
