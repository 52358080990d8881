#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
#
# PostGIS side of bench-flood: loads the benchmark's buildings and envelopes into a throwaway
# cluster (GiST indexes), then times, on envelope ENVELOPE_ID, the query an analyst writes first
# (ST_Intersects + ST_Area(ST_Intersection), ST_ContainsProperly shortcut) and the tuned one
# (the same on ST_Subdivide(envelope, 256) pieces, indexed). Prints, for bench-flood to read:
#   load MILLISECONDS
#   analyst MILLISECONDS COUNT AREA
#   tuned MILLISECONDS COUNT AREA
# or "skip REASON" when PostgreSQL or PostGIS is missing.
# Usage: flood-postgis.sh SOURCE_ROOT ASSETS.gpkg LIBRARY.gpkg ENVELOPE_ID
set -eu

top=$1
assets=$2
library=$3
envelope=$4

. "$top/tests/postgis/throwaway-cluster.sh"
pg_find || { echo "skip $pg_why"; exit 0; }
trap pg_stop EXIT INT TERM
pg_start -c shared_buffers=1GB -c work_mem=256MB -c max_parallel_workers_per_gather=2 \
  || { echo "skip the PostgreSQL server did not start"; exit 0; }

start=$(date +%s%N)
pg_sql postgres -c "CREATE DATABASE bench" >/dev/null
pg_sql bench -c "CREATE EXTENSION postgis" >/dev/null
python3 "$top/tests/postgis/flood-to-sql.py" "$library" "$assets" buildings | pg_sql bench >/dev/null
pg_sql bench -c "CREATE TABLE pieces AS SELECT ST_Subdivide(geom, 256) AS geom FROM env WHERE id = '$envelope';
                 CREATE INDEX ON pieces USING gist (geom); ANALYZE pieces;" >/dev/null
pg_sql bench -c "VACUUM ANALYZE buildings" >/dev/null
end=$(date +%s%N)
echo "load $(( (end - start) / 1000000 ))"

# Each query once, after a warm-up count that reads the table into the cache.
pg_sql bench -A -t -c "SELECT count(*) FROM buildings" >/dev/null
run() {
  name=$1
  sql=$2
  pg_sql bench -A -t -F ' ' -c '\timing on' -c "$sql" | awk -v name="$name" '
    /^Time:/ { ms = $2 } !/^Time:/ && NF == 2 { count = $1; area = $2 }
    END { print name, ms, count, area }'
}
run analyst "SELECT count(*), sum(CASE WHEN ST_ContainsProperly(e.geom, b.geom) THEN ST_Area(b.geom)
                                      ELSE ST_Area(ST_Intersection(b.geom, e.geom)) END)
             FROM env e JOIN buildings b ON ST_Intersects(b.geom, e.geom) WHERE e.id = '$envelope'"
run tuned "SELECT count(DISTINCT b.fid), sum(CASE WHEN ST_ContainsProperly(p.geom, b.geom) THEN ST_Area(b.geom)
                                               ELSE ST_Area(ST_Intersection(b.geom, p.geom)) END)
           FROM pieces p JOIN buildings b ON ST_Intersects(b.geom, p.geom)"
