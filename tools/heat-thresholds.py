#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
"""Derives the thresholds of Vigie's heat-risk scale (vigie-heatrisk-v1) from the climatology.

Reads an ECA&D daily mean temperature series (TG, 0.1 °C; default: the Montpellier-Aéroport subset
in tests/data/heat/), keeps the valid days of June, July and August 1991-2020 and prints the
percentiles of TG (linear interpolation between order statistics, Hyndman & Fan type 7, numpy's
default) that app/core/risk/vg-heat-risk.c uses as level boundaries, and the day/night thresholds
derived from them:

    day threshold   = TG percentile + A    (the day's maximum)
    night threshold = TG percentile - A    (the night's minimum)

with A = 6 K, half of an assumed 12 K summer diurnal range at the airport: ECA&D gives the daily
mean only, so the maximum and minimum are the mean plus or minus A. Replace with percentiles of TX
and TN once those series are available.

Usage: tools/heat-thresholds.py [ECAD_TG_FILE]
Python 3 standard library only.
"""
import os
import sys

PERCENTILES = (0.90, 0.95, 0.99, 0.999)
HALF_RANGE = 6.0
YEARS = (1991, 2020)
MONTHS = (6, 7, 8)


def read_tg(path):
    """Valid (date, TG °C) rows of an ECA&D TG file."""
    rows = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            fields = [x.strip() for x in line.split(",")]
            if len(fields) != 4 or not fields[1].isdigit():
                continue
            if fields[3] == "0":
                rows.append((fields[1], int(fields[2]) / 10.0))
    return rows


def percentile(sorted_values, q):
    h = (len(sorted_values) - 1) * q
    i = int(h)
    j = min(i + 1, len(sorted_values) - 1)
    return sorted_values[i] + (h - i) * (sorted_values[j] - sorted_values[i])


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        top, "tests", "data", "heat", "ecad-tg-montpellier-aeroport-jja-1991-2020.txt")
    values = sorted(tg for date, tg in read_tg(path)
                    if YEARS[0] <= int(date[:4]) <= YEARS[1] and int(date[4:6]) in MONTHS)
    print(f"# {os.path.basename(path)}: {len(values)} valid summer days (JJA {YEARS[0]}-{YEARS[1]})")
    print("# level  percentile  TG °C   day max ≥ °C  night min ≥ °C")
    for level, q in enumerate(PERCENTILES, start=1):
        p = percentile(values, q)
        print(f"  {level}      P{q * 100:<6g}   {p:6.2f}   {p + HALF_RANGE:6.2f}        {p - HALF_RANGE:6.2f}")


if __name__ == "__main__":
    main()
