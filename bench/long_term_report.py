#!/usr/bin/env python3
"""Per clip, for each results folder: the long-term F-score, the absent frames reported absent,
and the re-acquisition delay of every reappearance (frames from the target's return to the first
frame with IoU > 0.5; "never" if it does not come).

    siamtrack eval results/long-term-clips -o results/long-term/siamtrack
    python3 bench/long_term_report.py results/long-term-clips results/long-term/siamtrack results/long-term/opencv/CSRT ...

Each folder must have been scored by `siamtrack eval` (its report.json; OpenCV's folders get one
from `bench/compare_opencv.py --results`). The F-score and absent counts are read from it; the
delays are measured here from NAME.txt and the clips' ground truth.
"""
import json
import math
import os
import sys


def boxes(path):
    rows = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            if line.strip():
                rows.append([float(v) for v in line.replace("\t", ",").replace(" ", ",").split(",")[:4]])
    return rows


def overlap(a, b):
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(x1 - x0, 0) * max(y1 - y0, 0)
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0


def delays(truth, predicted):
    """Frames from each return of the target (ground truth nan, then a box) to IoU > 0.5."""
    found = []
    for frame in range(1, len(truth)):
        if math.isnan(truth[frame - 1][0]) and not math.isnan(truth[frame][0]):
            later = (f for f in range(frame, len(truth))
                     if not math.isnan(truth[f][0]) and overlap(predicted[f], truth[f]) > 0.5)
            first = next(later, None)
            found.append("never" if first is None else str(first - frame))
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: long_term_report.py CLIPS_FOLDER RESULTS_FOLDER...")
    clips, folders = sys.argv[1], sys.argv[2:]
    print("| clip | tracker | F | absent reported | re-acquired after (frames) |")
    print("|---|---|---|---|---|")
    reports = {}
    for folder in folders:
        with open(os.path.join(folder, "report.json"), encoding="utf-8") as file:
            reports[folder] = json.load(file)
    for name in sorted(s["name"] for s in reports[folders[0]]["sequences"]):
        truth = boxes(os.path.join(clips, name, "groundtruth.txt"))
        for folder in folders:
            report = reports[folder]
            sequence = next(s for s in report["sequences"] if s["name"] == name)
            long_term = sequence.get("longTerm") or {}
            found = delays(truth, boxes(os.path.join(folder, f"{name}.txt")))
            print(f"| {name} | {report['tracker']} | {long_term.get('fScore', float('nan')):.3f} | "
                  f"{long_term.get('absentReportedAbsent', '-')}/{long_term.get('absentFrames', '-')} | {', '.join(found) or '-'} |")


if __name__ == "__main__":
    main()
