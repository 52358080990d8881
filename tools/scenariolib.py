# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
"""Shared helpers of the scenario generators (tools/make-scenario-*): python3 stdlib only.

Everything here is deterministic: no clock, no randomness, no dict-order surprises (JSON is
written with the keys in the order the generators build them)."""

import argparse
import filecmp
import hashlib
import json
import math
import os
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

UTC = timezone.utc
FORMAT = "vigie-scenario/1"


# --- time ------------------------------------------------------------------------------------

def utc(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def iso_z(t):
    """2014-09-29T14:00:00Z"""
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_local(t, offset_hours):
    """The instant @t written in local time with its offset, as Météo-France writes CAP times."""
    tz = timezone(timedelta(hours=offset_hours))
    return t.astimezone(tz).isoformat()


def stamp(t):
    """20140929T1400Z, for file names."""
    return t.astimezone(UTC).strftime("%Y%m%dT%H%MZ")


# --- daily-mean preserving interpolation -------------------------------------------------------

def solve_dense(a, b):
    """Solves a x = b (Gaussian elimination with partial pivoting; a is small)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            raise ValueError("singular system")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            k = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= k * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def hat_weights(day_frac, n_days):
    """Weights of the knots (one at each day's centre, d + 0.5) of a piecewise-linear function at
    @day_frac days after the first day's start; flat before the first and after the last knot."""
    pos = day_frac - 0.5
    if pos <= 0:
        return {0: 1.0}
    if pos >= n_days - 1:
        return {n_days - 1: 1.0}
    j = int(math.floor(pos))
    w = pos - j
    return {j: 1.0 - w, j + 1: w}


def daily_mean_factor(day_start, step_minutes, shape, targets):
    """Piecewise-linear factor f(t), one knot per day centre, such that for every day d the mean
    of f(t_i) * shape(t_i) over the day's samples t_i = day start + k * step equals targets[d].

    Returns a function t -> f(t). This is how both generators make a smooth series honour the
    real daily means exactly (up to the final rounding): the shape carries the sub-daily form
    (flood wave, diurnal cycle), f only rescales it slowly from day to day."""
    n_days = len(targets)
    per_day = 24 * 60 // step_minutes
    a = [[0.0] * n_days for _ in range(n_days)]
    for d in range(n_days):
        for k in range(per_day):
            t = day_start + timedelta(days=d, minutes=k * step_minutes)
            s = shape(t)
            for j, w in hat_weights(d + k / per_day, n_days).items():
                a[d][j] += w * s / per_day
    knots = solve_dense(a, list(targets))

    def factor(t):
        frac = (t - day_start).total_seconds() / 86400.0
        return sum(w * knots[j] for j, w in hat_weights(frac, n_days).items())

    factor.knots = knots
    return factor


# --- Lambert-93 -> WGS84 (RGF93 is WGS84 to well under a metre) --------------------------------

def lambert93_to_wgs84(x, y):
    """Inverse Lambert conformal conic 2SP on GRS80 with the Lambert-93 (EPSG:2154) constants."""
    a = 6378137.0
    f = 1 / 298.257222101
    e = math.sqrt(f * (2 - f))
    lat0, lat1, lat2 = map(math.radians, (46.5, 44.0, 49.0))
    lon0 = math.radians(3.0)
    x0, y0 = 700000.0, 6600000.0

    def m(phi):
        return math.cos(phi) / math.sqrt(1 - (e * math.sin(phi)) ** 2)

    def t(phi):
        s = e * math.sin(phi)
        return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (e / 2)

    n = (math.log(m(lat1)) - math.log(m(lat2))) / (math.log(t(lat1)) - math.log(t(lat2)))
    big_f = m(lat1) / (n * t(lat1) ** n)
    rho0 = a * big_f * t(lat0) ** n
    dx, dy = x - x0, rho0 - (y - y0)
    rho = math.copysign(math.hypot(dx, dy), n)
    tt = (rho / (a * big_f)) ** (1 / n)
    phi = math.pi / 2 - 2 * math.atan(tt)
    for _ in range(20):
        s = e * math.sin(phi)
        phi = math.pi / 2 - 2 * math.atan(tt * ((1 - s) / (1 + s)) ** (e / 2))
    lam = math.atan2(dx, dy) / n + lon0
    return math.degrees(lam), math.degrees(phi)


# --- output ------------------------------------------------------------------------------------

def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_json(path, obj, compact=False):
    if compact:   # as a web API sends it
        text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    write_text(path, text)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(65536), b""):
            h.update(block)
    return h.hexdigest()


def text(fr, en):
    return {"fr": fr, "en": en}


# --- Météo-France vigilance CAP ---------------------------------------------------------------
# Structure copied from the real message in ../shared/data/incidents-cap/meteofrance-cap/
# (alert → identifier, sender, sent, status, msgType, scope; one <info> per language with
# awareness_level/awareness_type parameters and one <area> per département with a NUTS3 geocode).

LEVELS = {
    1: ("1; green; Minor", "Minor", "verte"),
    2: ("2; yellow; Moderate", "Moderate", "jaune"),
    3: ("3; orange; Severe", "Severe", "orange"),
    4: ("4; red; Extreme", "Extreme", "rouge"),
}

# Standard Météo-France wording per level (fr) and its English version.
LEVEL_TEXT = {
    1: (("Pas de vigilance particulière.", "Pas de vigilance particulière."),
        ("No particular awareness of the weather is required.",
         "Keep informed of the weather forecast.")),
    2: (("Des phénomènes habituels dans la région mais occasionnellement et localement dangereux sont prévus.",
         "Soyez attentifs ; si vous pratiquez des activités sensibles au risque météorologique ou à proximité d'un rivage ou d'un cours d'eau, tenez-vous au courant de l'évolution de la situation."),
        ("Although rather usual in this region, locally or potentially dangerous phenomena are expected.",
         "Be aware and pay attention to the latest weather updates, especially if you carry out activities exposed to weather or close to a stream or shoreline.")),
    3: (("Des phénomènes dangereux sont prévus.",
         "Soyez très vigilant ; tenez-vous au courant de l'évolution de la situation et suivez les conseils de sécurité émis par les pouvoirs publics."),
        ("Dangerous phenomena are expected.",
         "Be very vigilant, keep informed of the situation and follow the safety advice of the authorities.")),
    4: (("Des phénomènes dangereux d'intensité exceptionnelle sont prévus.",
         "Une vigilance absolue s'impose ; tenez-vous régulièrement au courant de l'évolution de la situation et respectez impérativement les consignes de sécurité émises par les pouvoirs publics."),
        ("Dangerous phenomena of exceptional intensity are expected.",
         "Absolute vigilance is required: keep regularly informed and strictly follow the safety instructions of the authorities.")),
}

# awareness_type in the MeteoAlarm numbering, written as Météo-France writes "3; Thunderstorm".
PHENOMENA = {
    "orages": ("3; Thunderstorm", "orages", "thunderstorm"),
    "pluie-inondation": ("13; Rain-flood", "pluie-inondation", "rain-flood"),
    "canicule": ("5; High-temperature", "canicule", "heat-wave"),
}

HERAULT = ("Hérault", "NUTS3", "FR813")


def cap_identifier(sent, offset_hours, serial):
    """2.49.0.0.250.0.FR.<local YYYYMMDDHHMMSS>.<6 digits>, the scheme of the real sample (WMO
    OID of France, then the local sending time). The serial is ours (deterministic)."""
    local = sent.astimezone(timezone(timedelta(hours=offset_hours)))
    return "2.49.0.0.250.0.FR.%s.%06d" % (local.strftime("%Y%m%d%H%M%S"), serial)


def cap_message(identifier, sent, msg_type, phenomenon, level, onset, expires, offset_hours,
                references=None):
    """One Météo-France vigilance message for Hérault: @level (1–4) of @phenomenon."""
    code_type, name_fr, name_en = PHENOMENA[phenomenon]
    code_level, severity, colour = LEVELS[level]
    (desc_fr, instr_fr), (desc_en, instr_en) = LEVEL_TEXT[level]
    sent_s = iso_local(sent, offset_hours)
    lines = [
        '<?xml version="1.0" encoding="utf-8" standalone="yes" ?>',
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
        "  <identifier>%s</identifier>" % identifier,
        "  <sender>vigilance@meteo.fr</sender>",
        "  <sent>%s</sent>" % sent_s,
        "  <status>Actual</status>",
        "  <msgType>%s</msgType>" % msg_type,
        "  <scope>Public</scope>",
    ]
    if references:
        lines.append("  <references>%s</references>" % " ".join(
            "vigilance@meteo.fr,%s,%s" % (ident, iso_local(t, offset_hours)) for ident, t in references))
    for lang, event, headline, desc, instr in (
        ("fr-FR", "Vigilance %s %s" % (colour, name_fr), "Vigilance %s %s" % (colour, name_fr), desc_fr, instr_fr),
        ("en-GB", "%s %s warning" % (severity, name_en), "%s %s warning" % (severity, name_en),
         desc_en, instr_en),
    ):
        lines += [
            "  <info>",
            "    <language>%s</language>" % lang,
            "    <category>Met</category>",
            "    <event>%s</event>" % escape(event),
            "    <responseType>%s</responseType>" % ("None" if level == 1 else "Monitor"),
            "    <urgency>%s</urgency>" % ("Immediate" if level == 4 and onset <= sent else "Future"),
            "    <severity>%s</severity>" % severity,
            "    <certainty>Likely</certainty>",
            "    <effective>%s</effective>" % sent_s,
            "    <onset>%s</onset>" % iso_local(onset, offset_hours),
            "    <expires>%s</expires>" % iso_local(expires, offset_hours),
            "    <senderName>METEO-FRANCE</senderName>",
            "    <headline>%s</headline>" % escape(headline),
            "    <description>%s</description>" % escape(desc),
            "    <instruction>%s</instruction>" % escape(instr),
            "    <web>http://vigilance.meteofrance.com/</web>",
            "    <contact>METEO-FRANCE</contact>",
            "    <parameter>",
            "      <valueName>awareness_level</valueName>",
            "      <value>%s</value>" % code_level,
            "    </parameter>",
            "    <parameter>",
            "      <valueName>awareness_type</valueName>",
            "      <value>%s</value>" % code_type,
            "    </parameter>",
            "    <area>",
            "      <areaDesc>%s</areaDesc>" % HERAULT[0],
            "      <geocode>",
            "        <valueName>%s</valueName>" % HERAULT[1],
            "        <value>%s</value>" % HERAULT[2],
            "      </geocode>",
            "    </area>",
            "  </info>",
        ]
    lines.append("</alert>")
    return "\n".join(lines) + "\n"


# --- command line and the reproducibility check -----------------------------------------------

def parse_args(description, scenario_id):
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=description)
    p.add_argument("shared", nargs="?", default=os.path.join(top, "..", "shared", "data"),
                   help="the shared real-data folder (default: ../shared/data)")
    p.add_argument("--out", default=os.path.join(top, "scenarios", scenario_id),
                   help="scenario folder to (re)write (default: scenarios/%s)" % scenario_id)
    p.add_argument("--from-means", metavar="DIR",
                   help="rebuild from the real daily means and input checksums committed in DIR "
                        "instead of the shared data")
    p.add_argument("--check", action="store_true",
                   help="rebuild twice from the committed daily means into temporary folders and "
                        "compare both, byte for byte, with --out; exit 1 on any difference")
    return p.parse_args()


def prepare_out(out, scenario_id):
    """The generator owns the whole scenario folder: it is removed and rewritten, but only if it
    is one of ours (a manifest with our id), so a wrong --out cannot wipe an unrelated folder."""
    if os.path.exists(out):
        manifest = os.path.join(out, "manifest.json")
        try:
            with open(manifest, encoding="utf-8") as f:
                ours = json.load(f).get("id") == scenario_id
        except (OSError, ValueError):
            ours = False
        if not ours and os.listdir(out):
            sys.exit("%s: not empty and not the %s scenario; refusing to overwrite" % (out, scenario_id))
        shutil.rmtree(out)
    os.makedirs(out)


def tree_files(root):
    found = []
    for base, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            found.append(os.path.relpath(os.path.join(base, name), root))
    return found


def compare_trees(a, b):
    """First difference between two folders as a message, or None."""
    fa, fb = tree_files(a), tree_files(b)
    if fa != fb:
        only = sorted(set(fa) ^ set(fb))
        return "file sets differ: %s" % ", ".join(only[:5])
    for rel in fa:
        if not filecmp.cmp(os.path.join(a, rel), os.path.join(b, rel), shallow=False):
            return "%s differs" % rel
    return None


def run(args, scenario_id, extract, build):
    """extract(shared, out): reads the real inputs, writes out/daily-means.csv and
    out/inputs.sha256. build(out): everything else, from those two files only."""
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            copies = []
            for n in (1, 2):
                d = os.path.join(tmp, str(n))
                os.makedirs(d)
                for name in ("daily-means.csv", "inputs.sha256"):
                    shutil.copyfile(os.path.join(args.out, name), os.path.join(d, name))
                build(d)
                copies.append(d)
            for other, what in ((copies[1], "second run"), (args.out, "committed scenario")):
                diff = compare_trees(copies[0], other)
                if diff:
                    sys.exit("%s: not reproducible (%s): %s" % (scenario_id, what, diff))
        print("%s: reproducible (two runs identical to the committed files)" % scenario_id)
        return
    if args.from_means:
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("daily-means.csv", "inputs.sha256"):
                shutil.copyfile(os.path.join(args.from_means, name), os.path.join(tmp, name))
            prepare_out(args.out, scenario_id)
            for name in ("daily-means.csv", "inputs.sha256"):
                shutil.copyfile(os.path.join(tmp, name), os.path.join(args.out, name))
    else:
        prepare_out(args.out, scenario_id)
        extract(args.shared, args.out)
    build(args.out)
    print("%s: written to %s" % (scenario_id, args.out))
