#!/usr/bin/env bash
# Peak resident memory of `siamtrack track` over a long video, and whether it grows with length.
#
#   bench/memory.sh VIDEO X,Y,W,H [SIAMTRACK]
#
# Samples the process's resident set (VmRSS) twice a second while it runs and prints the peak
# seen up to each tenth of the video's frames, then /usr/bin/time's maximum for the whole run.
# Flat numbers from the first tenth to the end mean memory does not grow with length.
# The clip used in the README: python3 scripts/make_clips.py --long /tmp/long1080.mp4 --minutes 10 --size 1920x1080
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 VIDEO X,Y,W,H [SIAMTRACK]" >&2
    exit 2
fi
video=$1 box=$2 siamtrack=${3:-.build/release/siamtrack}
frames=$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$video")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/time -v -o "$work/time" "$siamtrack" track "$video" --box "$box" -o "$work/boxes.jsonl" &
runner=$!
sleep 0.2
pid=$(pgrep -P "$runner" -n siamtrack || true)
peak=0 next=1
echo "frames of $frames   peak RSS so far (MB)"
while kill -0 "$runner" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    done_frames=$(wc -l < "$work/boxes.jsonl" 2>/dev/null || echo 0)
    while [ "$next" -le 10 ] && [ "$done_frames" -ge $((frames * next / 10)) ]; do
        awk -v f="$done_frames" -v kb="$peak" 'BEGIN {printf "%6d   %6.1f\n", f, kb / 1024}'
        next=$((next + 1))
    done
    sleep 0.5
done
wait "$runner"
awk -F': ' '/Maximum resident/ {printf "whole run: maximum resident set %.1f MB\n", $2 / 1024} /Elapsed/ {print "wall clock: " $2}' "$work/time"
echo "frames written: $(wc -l < "$work/boxes.jsonl")"
