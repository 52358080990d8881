#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Vigie authors
# SPDX-License-Identifier: EUPL-1.2
#
# Startup to the first painted frame, and to map content, of Vigie and of GNOME Maps (also GTK 4
# + libshumate), started the same way in the same run under the same X server with the cairo
# renderer; then each one's idle memory (RSS, PSS) 10 s after start. Run by bench/run.
set -u
top=$1
ff="$top/build-bench/bench/first-frame"
export GSK_RENDERER=cairo GTK_A11Y=none
runs=3

# Prints "median-first median-content pid-of-last-run" for a command; $1 is the label.
measure() {
  label=$1; shift
  firsts=""; contents=""
  i=0
  while [ $i -lt $runs ]; do
    cache=$(mktemp -d)
    # Idle memory is read on the last run, 10 s after start.
    mem=0; [ $i -eq $((runs - 1)) ] && mem=10
    res=$(XDG_CACHE_HOME=$cache XDG_CONFIG_HOME=$cache XDG_DATA_HOME=$cache \
          dbus-run-session -- "$ff" --settle 3 --memory-after $mem -- "$@")
    firsts="$firsts $(echo "$res" | awk '/^first-frame-ms/ {print $2}')"
    contents="$contents $(echo "$res" | awk '/^content-ms/ {print $2}')"
    [ $mem -gt 0 ] && echo "mem $label $(echo "$res" | awk '/^rss-kb/ {print $2}') $(echo "$res" | awk '/^pss-kb/ {print $2}')"
    rm -rf "$cache"
    i=$((i + 1))
  done
  echo "times $label $(echo $firsts | tr ' ' '\n' | sort -n | sed -n 2p) $(echo $contents | tr ' ' '\n' | sort -n | sed -n 2p)"
}

vigie=$(measure vigie "$top/build-bench/app/gtk/vigie")
if command -v gnome-maps >/dev/null; then
  maps=$(measure maps gnome-maps)
else
  maps=""
fi

v_first=$(echo "$vigie" | awk '/^times/ {print $3}'); v_content=$(echo "$vigie" | awk '/^times/ {print $4}')
v_rss=$(echo "$vigie" | awk '/^mem/ {print $3}'); v_pss=$(echo "$vigie" | awk '/^mem/ {print $4}')
echo "bench: startup to first painted frame, Vigie (median of $runs, cold tile cache) | $v_first ms |"
echo "bench: startup to map content (offline tiles), Vigie | $v_content ms |"
if [ -n "$maps" ]; then
  m_first=$(echo "$maps" | awk '/^times/ {print $3}')
  m_rss=$(echo "$maps" | awk '/^mem/ {print $3}'); m_pss=$(echo "$maps" | awk '/^mem/ {print $4}')
  ratio=$(awk -v a="$v_content" -v b="$m_first" 'BEGIN { if (b > 0 && a > 0) printf "%.2f", a / b; else print "n/a" }')
  echo "bench: startup to first painted frame, GNOME Maps (blank map: no offline tiles) | $m_first ms | Vigie with content = ${ratio}× GNOME Maps' first frame (target ≤ 0.8×)"
  echo "bench: idle memory 10 s after start, Vigie | $((v_rss / 1024)) MiB RSS, $((v_pss / 1024)) MiB PSS | GNOME Maps $((m_rss / 1024)) MiB RSS, $((m_pss / 1024)) MiB PSS (target: at or under)"
else
  echo "bench: startup, GNOME Maps | not installed | apt-get install gnome-maps for the comparison"
  echo "bench: idle memory 10 s after start, Vigie | $((v_rss / 1024)) MiB RSS, $((v_pss / 1024)) MiB PSS |"
fi
