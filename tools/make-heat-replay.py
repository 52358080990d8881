#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
"""Writes tests/data/heat/replay-2019-06-montpellier.json: a RECONSTRUCTED hourly series in the
shape of an Open-Meteo forecast response, for 24-30 June 2019 at Montpellier-Fréjorgues, built
from the real ECA&D daily mean temperatures (TG) of that heatwave (32.4 °C on 28 June). Only the
daily means are real; every hourly value comes from the model below. It is not an observation
and not a forecast: a replay fixture for tests and demonstrations.

Diurnal model (stated, not fitted):
- temperature: the day's minimum TG - A at 03:00 UTC (05:00 local) and maximum TG + A at 15:00 UTC
  (17:00 local), A = 6 K (half of an assumed 12 K summer diurnal range); between two consecutive
  extremes a half cosine. The days just before and after (23 June, 1 July) shape the ends.
- humidity: the water vapour pressure is held at that of a 15 °C dew point (the dry air of that
  heatwave), so the relative humidity falls as the air warms: RH = 100 es(15 °C) / es(T), es the
  Magnus formula with Alduchov & Eskridge (1996) coefficients, at most 100 %, rounded to whole
  percent as Open-Meteo does.
- wind at 10 m: a sea breeze, 7 km/h at 03:00 UTC rising to 18 km/h at 15:00 UTC (cosine).

Usage: tools/make-heat-replay.py [ECAD_TG_FILE] [OUTPUT]
Python 3 standard library only.
"""
import datetime
import json
import math
import os
import sys

HALF_RANGE = 6.0
DEW_POINT = 15.0
FIRST_DAY = datetime.date(2019, 6, 24)
LAST_DAY = datetime.date(2019, 6, 30)
UTC = datetime.timezone.utc
# Europe/Paris is on summer time (UTC+2) throughout the replay.
PARIS = datetime.timezone(datetime.timedelta(hours=2), "CEST")


def read_tg(path):
    tg = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            fields = [x.strip() for x in line.split(",")]
            if len(fields) == 4 and fields[1].isdigit() and fields[3] == "0":
                tg[datetime.datetime.strptime(fields[1], "%Y%m%d").date()] = int(fields[2]) / 10.0
    return tg


def magnus(t):
    return 6.1094 * math.exp(17.625 * t / (243.04 + t))


def extremes(tg):
    """(UTC time, temperature) of every daily minimum and maximum around the replay."""
    points = []
    day = FIRST_DAY - datetime.timedelta(days=1)
    while day <= LAST_DAY + datetime.timedelta(days=1):
        midnight = datetime.datetime(day.year, day.month, day.day, tzinfo=UTC)
        points.append((midnight + datetime.timedelta(hours=3), tg[day] - HALF_RANGE))
        points.append((midnight + datetime.timedelta(hours=15), tg[day] + HALF_RANGE))
        day += datetime.timedelta(days=1)
    return points


def temperature(points, when):
    for (t0, v0), (t1, v1) in zip(points, points[1:]):
        if t0 <= when <= t1:
            s = (when - t0) / (t1 - t0)
            return v0 + (v1 - v0) * (1 - math.cos(math.pi * s)) / 2
    raise ValueError(f"{when} outside the modelled days")


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = os.path.join(top, "tests", "data", "heat")
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        data, "ecad-tg-montpellier-aeroport-jja-1991-2020.txt")
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(data, "replay-2019-06-montpellier.json")
    tg = read_tg(source)
    points = extremes(tg)
    hourly = {"time": [], "temperature_2m": [], "relative_humidity_2m": [], "wind_speed_10m": []}
    local = datetime.datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, tzinfo=PARIS)
    end = datetime.datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 23, tzinfo=PARIS)
    while local <= end:
        when = local.astimezone(UTC)
        t = round(temperature(points, when), 1)
        phase = 2 * math.pi * (when.hour - 3) / 24
        hourly["time"].append(local.strftime("%Y-%m-%dT%H:%M"))
        hourly["temperature_2m"].append(t)
        hourly["relative_humidity_2m"].append(round(min(100.0, 100 * magnus(DEW_POINT) / magnus(t))))
        hourly["wind_speed_10m"].append(round(12.5 - 5.5 * math.cos(phase), 1))
        local += datetime.timedelta(hours=1)
    response = {
        "latitude": 43.5762,
        "longitude": 3.963,
        "generationtime_ms": 0.0,
        "utc_offset_seconds": 7200,
        "timezone": "Europe/Paris",
        "timezone_abbreviation": "CEST",
        "elevation": 2.0,
        "vigie_provenance": (
            "RECONSTRUCTED replay, not an observation nor a forecast: hourly values modelled by "
            "tools/make-heat-replay.py from the ECA&D daily mean temperatures of Montpellier-Aeroport "
            "(STAID 2207), 23 June - 1 July 2019; Klein Tank et al. 2002, Int. J. Climatol. 22, "
            "1441-1453, data from http://www.ecad.eu"),
        "hourly_units": {"time": "iso8601", "temperature_2m": "°C", "relative_humidity_2m": "%",
                         "wind_speed_10m": "km/h"},
        "hourly": hourly,
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(response, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
