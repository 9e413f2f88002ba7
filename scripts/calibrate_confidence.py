#!/usr/bin/env python3
"""Calibrates siamtrack's confidence from an eval run: which scores mean the target is there.

Run the tracker with the absence judgement off over annotated clips that are not dev, then read
its traces (NAME_trace.csv: frame, IoU, centre error, score):

    siamtrack eval ../shared/datasets/train --absent-below 0 -o results/train-calibration
    python3 scripts/calibrate_confidence.py results/train-calibration

A frame is on the target when IoU > 0.3, off it when IoU < 0.05, absent when its ground truth is
nan. Prints, per score bin, the share of frames on the target, then the two thresholds of
TrackerConfiguration: absentBelow, the score under which 0.1% of on-target frames fall, and
presentAbove, the score that 90% of off-target matches stay under.
"""
import csv
import glob
import math
import os
import sys


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: calibrate_confidence.py RESULTS_FOLDER")
    on, off, absent = [], [], []
    traces = sorted(glob.glob(os.path.join(sys.argv[1], "*_trace.csv")))
    if not traces:
        sys.exit(f"no *_trace.csv in {sys.argv[1]}: run siamtrack eval with -o there first")
    for path in traces:
        with open(path, newline="") as handle:
            for row in csv.DictReader(handle):
                if row["frame"] == "0":
                    continue
                overlap, score = float(row["iou"]), float(row["score"])
                if math.isnan(overlap):
                    absent.append(score)
                elif overlap > 0.3:
                    on.append(score)
                elif overlap < 0.05:
                    off.append(score)
    print(f"{len(traces)} clips: {len(on)} frames on the target, {len(off)} off it, {len(absent)} with it absent")
    print("score bin     frames  on target")
    for low in [i / 10 for i in range(10)]:
        high = low + 0.1
        inside = lambda s: low <= s < high or (high >= 1 and s == 1)
        n_on, n_off = sum(map(inside, on)), sum(map(inside, off + absent))
        if n_on + n_off:
            print(f"{low:.1f}-{high:.1f}  {n_on + n_off:10d}  {n_on / (n_on + n_off):9.2f}")
    print(f"absentBelow  = {quantile(on, 0.001):.3f}  (0.1% of on-target frames score less)")
    print(f"presentAbove = {quantile(off, 0.9):.3f}  (90% of off-target matches score less)")


if __name__ == "__main__":
    main()
