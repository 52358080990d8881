#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
"""SQL loading an envelope library and assets into PostGIS, without GDAL.

Usage: flood-to-sql.py LIBRARY ASSETS [LAYER,…] > load.sql   (default: every asset layer)
LIBRARY and ASSETS are GeoPackages (read with sqlite3, the GeoPackage header stripped off each
geometry blob, the WKB given to COPY as hex: a million rows load in seconds) or GeoJSON files
(each geometry handed to ST_GeomFromGeoJSON). Coordinates must be Lambert-93 (a GeoJSON file's crs member is not read:
the test's fixtures are Lambert-93). Tables: raw_env(gauge, stage_m, depth_class, geom),
buildings, addresses, streets, sites (geom); then env(id, geom), the extents as Vigie builds
them, valid (ST_MakeValid, as Vigie repairs). Python 3 standard library only.
"""
import json
import sqlite3
import sys

LAYERS = {"buildings": "buildings", "addresses": "addresses", "streets": "streets", "sites": "sites"}


def wkb_hex(blob):
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return bytes(blob[8 + envelope:]).hex()


def quote(v):
    if v is None:
        return "NULL"
    return "'" + str(v).replace("'", "''") + "'"


def is_sqlite(path):
    with open(path, "rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def copy_text(v):
    return "\\N" if v is None else str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def load_library(path, out):
    if is_sqlite(path):
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        out.write("COPY raw_env (gauge, stage_m, depth_class, geom) FROM STDIN;\n")
        for gauge, stage, depth, blob in db.execute(
                "SELECT gauge, stage_m, depth_class, geom FROM flood_envelopes ORDER BY fid"):
            out.write(f"{copy_text(gauge)}\t{float(stage)!r}\t{copy_text(depth)}\t{wkb_hex(blob)}\n")
        out.write("\\.\n")
    else:
        for f in json.load(open(path, encoding="utf-8"))["features"]:
            p = f["properties"]
            out.write(f"INSERT INTO raw_env VALUES ({quote(p['gauge'])}, {float(p['stage_m'])!r}, "
                      f"{quote(p.get('depth_class'))}, ST_GeomFromGeoJSON({quote(json.dumps(f['geometry']))}));\n")


def load_assets(path, out, wanted):
    if is_sqlite(path):
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        names = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
        for table in LAYERS:
            if table not in names or table not in wanted:
                continue
            out.write(f"COPY {table} (geom) FROM STDIN;\n")
            for (blob,) in db.execute(f'SELECT geom FROM "{table}" WHERE geom IS NOT NULL ORDER BY fid'):
                out.write(wkb_hex(blob) + "\n")
            out.write("\\.\n")
    else:
        for f in json.load(open(path, encoding="utf-8"))["features"]:
            g = f["geometry"]
            if g is None:
                continue
            kind = g["type"]
            table = ("buildings" if "Polygon" in kind else "streets" if "LineString" in kind
                     else "sites" if f["properties"].get("category") else "addresses")
            if table in wanted:
                out.write(f"INSERT INTO {table} (geom) VALUES (ST_GeomFromGeoJSON({quote(json.dumps(g))}));\n")


def main():
    library, assets = sys.argv[1], sys.argv[2]
    wanted = sys.argv[3].split(",") if len(sys.argv) > 3 else list(LAYERS)
    out = sys.stdout
    out.write("SET client_min_messages = warning;\n")
    out.write("CREATE TABLE raw_env (gauge text, stage_m double precision, depth_class text, geom geometry);\n")
    for table in LAYERS:
        out.write(f"CREATE TABLE {table} (fid serial PRIMARY KEY, geom geometry);\n")
    out.write("BEGIN;\n")
    load_library(library, out)
    load_assets(assets, out, wanted)
    out.write("COMMIT;\n")
    out.write("""
CREATE TABLE env AS
  SELECT gauge || '@' || to_char(stage_m, 'FM990.00') || 'm' AS id,
         ST_MakeValid(COALESCE(ST_Union(geom) FILTER (WHERE depth_class IS NULL OR depth_class = ''),
                               ST_Union(geom))) AS geom
  FROM raw_env GROUP BY gauge, stage_m;
UPDATE buildings SET geom = ST_MakeValid(geom) WHERE NOT ST_IsValid(geom);
CREATE INDEX ON env USING gist (geom);
""")
    for table in LAYERS:
        out.write(f"CREATE INDEX ON {table} USING gist (geom);\nANALYZE {table};\n")


if __name__ == "__main__":
    main()
