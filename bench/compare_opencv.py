#!/usr/bin/env python3
"""Side by side: OpenCV's trackers and siamtrack on the same clips, scored the same way.

    python3 -m venv .venv && .venv/bin/pip install -r bench/requirements.txt
    swift build -c release && .build/release/siamtrack eval ../shared/datasets/dev
    .venv/bin/python bench/compare_opencv.py ../shared/datasets/dev --threads 2

Runs KCF, CSRT and MIL (and NanoTrack, ViT when given their ONNX files) one-pass on every
sequence and writes each one's boxes as an OTB results folder (--results DIR, or a temporary
folder). Everything about the data and the metrics comes from siamtrack itself, so there is one
definition of each: `siamtrack eval --list-sequences` says which frames and first box to run,
and `siamtrack eval --score-only` scores each folder. Prints one markdown table, siamtrack's row
taken from its report.json. fps columns are medians over sequences of frames / seconds: "fps"
counts the tracker alone (init and updates, decoding excluded), "e2e fps" counts decoding too.
With --siamtrack BINARY, a row "siamtrack track (process)" times `siamtrack track` as users run
it, one process per video from start to exit (model loading included), with --threads N from
--siamtrack-threads N (default 1), and the e2e ratios of that row against every other tracker
follow.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import cv2

import opencv_trackers


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", help="a dataset folder (or one sequence) in our, OTB, VOT or GOT-10k layout")
    parser.add_argument("--siamtrack-report", default="results/siamtrack/report.json",
                        help="report.json of siamtrack eval on the same dataset (default: %(default)s)")
    parser.add_argument("--binary", default=".build/release/siamtrack",
                        help="the siamtrack that lists the sequences and scores the results (default: %(default)s)")
    parser.add_argument("--trackers", default="KCF,CSRT,MIL", help="comma-separated OpenCV trackers (default: %(default)s)")
    parser.add_argument("--nanotrack-backbone", help="NanoTrack backbone ONNX file (adds NanoTrack)")
    parser.add_argument("--nanotrack-head", help="NanoTrack neck-head ONNX file")
    parser.add_argument("--vit", help="OpenCV ViT tracker ONNX file (adds ViT)")
    parser.add_argument("--threads", type=int, default=2, help="OpenCV threads (default: %(default)s)")
    parser.add_argument("--max-frames", type=int, help="only the first N frames of each sequence")
    parser.add_argument("--siamtrack", metavar="BINARY",
                        help="also time `BINARY track` as a whole process on every video (e.g. .build/release/siamtrack)")
    parser.add_argument("--siamtrack-threads", type=int, default=1,
                        help="--threads for the timed `siamtrack track` processes (default: %(default)s, its own default)")
    parser.add_argument("--results", help="keep each tracker's boxes and times here, in OTB results "
                        "format (DIR/NAME/SEQ.txt), for siamtrack eval --compare")
    return parser.parse_args()


def siamtrack_eval(binary, dataset, max_frames, *extra):
    """Runs `siamtrack eval DATASET ...` and returns its standard output."""
    command = [binary, "eval", dataset, *extra] + ([] if max_frames is None else ["--max-frames", str(max_frames)])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"compare_opencv.py: {' '.join(command)} failed: {done.stderr.strip()}")
    return done.stdout


def list_sequences(binary, dataset, max_frames):
    lines = siamtrack_eval(binary, dataset, max_frames, "--list-sequences").splitlines()
    return [opencv_trackers.Sequence.from_listing(json.loads(line)) for line in lines if line.strip()]


def scored_row(binary, dataset, max_frames, name, folder):
    """The tracker's row from `siamtrack eval --score-only` on its results folder."""
    siamtrack_eval(binary, dataset, max_frames, "--score-only", "--output", folder, "--tracker-name", name)
    with open(os.path.join(folder, "report.json"), encoding="utf-8") as file:
        return row_from_report(json.load(file))


def row_from_report(report):
    mean = report["mean"]
    return {
        "tracker": report["tracker"],
        "auc": mean["successAUC"], "precision_at_20px": mean["precisionAt20Pixels"],
        "normalized_precision_auc": mean["normalizedPrecisionAUC"], "success_rate_at_0_5": mean["successRateAtHalfOverlap"],
        "fps": report.get("trackingFramesPerSecond"), "e2e_fps": report.get("endToEndFramesPerSecond"),
        "f_score": (report.get("longTerm") or {}).get("fScore"), "absent": absent_share(report.get("longTerm")),
    }


def absent_share(long_term):
    """'reported/absent' frames, or None without absent frames."""
    if not long_term or not long_term["absentFrames"]:
        return None
    return f"{long_term['absentReportedAbsent']}/{long_term['absentFrames']}"


def evaluate(name, make_tracker, sequences, options, results):
    """Runs one tracker over every sequence, has siamtrack score its boxes; returns its row."""
    tracking_fps, end_to_end_fps = [], []
    folder = os.path.join(results, name)
    for sequence in sequences:
        boxes, found, seconds, end_to_end = opencv_trackers.run(make_tracker, sequence, exact=options.max_frames is None)
        tracking_fps.append(len(boxes) / sum(seconds))
        end_to_end_fps.append(len(boxes) / end_to_end)
        write_results(folder, sequence.name, boxes, found, seconds)
        print(f"  {name} {sequence.name}: {tracking_fps[-1]:.1f} fps", file=sys.stderr)
    row = scored_row(options.binary, options.dataset, options.max_frames, name, folder)
    row.update(fps=statistics.median(tracking_fps), e2e_fps=statistics.median(end_to_end_fps))
    return row


def write_results(folder, sequence, boxes, found, seconds):
    """OTB boxes and times, and the presence file siamtrack eval scores long-term measures from:
    confidence 1 and visible where the tracker found the target, 0 where it said it lost it."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{sequence}.txt"), "w") as file:
        file.writelines(",".join(repr(float(v)) for v in box) + "\n" for box in boxes)
    with open(os.path.join(folder, f"{sequence}_presence.txt"), "w") as file:
        file.writelines("1,1\n" if flag else "0,0\n" for flag in found)
    with open(os.path.join(folder, f"{sequence}_time.txt"), "w") as file:
        file.writelines(f"{s!r}\n" for s in seconds)


def siamtrack_row(path, sequences):
    """siamtrack's row from its report, after checking it covers the same sequences and frames."""
    with open(path, encoding="utf-8") as file:
        report = json.load(file)
    expected = {s.name: s.frames for s in sequences}
    found = {s["name"]: s["frameCount"] for s in report["sequences"]}
    if found != expected:
        sys.exit(f"compare_opencv.py: {path} covers other sequences or frames than the dataset: {found} vs {expected}")
    return row_from_report(report)


def siamtrack_process_row(binary, sequences, threads):
    """Times `siamtrack track --threads THREADS` per video from process start to exit: frames / wall seconds."""
    end_to_end_fps = []
    with tempfile.TemporaryDirectory() as scratch:
        output = os.path.join(scratch, "boxes.jsonl")
        for sequence in sequences:
            if sequence.video is None:
                continue
            box = ",".join(repr(float(v)) for v in sequence.initial_box)
            started = time.perf_counter()
            subprocess.run([binary, "track", sequence.video, "--box", box, "--output", output, "--threads", str(threads)], check=True)
            elapsed = time.perf_counter() - started
            with open(output, encoding="utf-8") as file:
                frames = sum(1 for _ in file)
            end_to_end_fps.append(frames / elapsed)
            print(f"  siamtrack track {sequence.name}: {frames} frames, {end_to_end_fps[-1]:.1f} fps end to end", file=sys.stderr)
    if not end_to_end_fps:
        sys.exit("compare_opencv.py: --siamtrack times video files, and the dataset has none")
    name = "siamtrack track (process)" if threads == 1 else f"siamtrack track --threads {threads} (process)"
    return {"tracker": name, "auc": None, "precision_at_20px": None, "normalized_precision_auc": None,
            "success_rate_at_0_5": None, "fps": None, "e2e_fps": statistics.median(end_to_end_fps), "f_score": None, "absent": None}


def markdown(rows):
    def number(value, digits):
        return "-" if value is None else f"{value:.{digits}f}"
    lines = ["| tracker | AUC | P@20 | NPrec | SR0.5 | F | absent | fps | e2e fps |", "|---|---|---|---|---|---|---|---|---|"]
    for row in sorted(rows, key=lambda r: -(r["auc"] if r["auc"] is not None else -1)):
        lines.append(f"| {row['tracker']} | {number(row['auc'], 3)} | {number(row['precision_at_20px'], 3)} | "
                     f"{number(row['normalized_precision_auc'], 3)} | {number(row['success_rate_at_0_5'], 3)} | "
                     f"{number(row['f_score'], 3)} | {row['absent'] or '-'} | {number(row['fps'], 1)} | {number(row['e2e_fps'], 1)} |")
    return "\n".join(lines)


def main():
    options = arguments()
    cv2.setNumThreads(options.threads)
    for onnx in (options.nanotrack_backbone, options.nanotrack_head, options.vit):
        if onnx and not os.path.isfile(onnx):
            sys.exit(f"compare_opencv.py: no ONNX file at {onnx}")
    if bool(options.nanotrack_backbone) != bool(options.nanotrack_head):
        sys.exit("compare_opencv.py: NanoTrack needs both --nanotrack-backbone and --nanotrack-head")
    if options.siamtrack_threads < 1:
        sys.exit("compare_opencv.py: --siamtrack-threads must be at least 1")
    if not os.path.isfile(options.binary):
        sys.exit(f"compare_opencv.py: no siamtrack at {options.binary}; build it (swift build -c release) or give --binary")
    sequences = list_sequences(options.binary, options.dataset, options.max_frames)
    made = opencv_trackers.factories(options.nanotrack_backbone, options.nanotrack_head, options.vit)
    names = [n.strip() for n in options.trackers.split(",") if n.strip()] + [n for n in ("NanoTrack", "ViT") if n in made]
    unknown = [n for n in names if n not in made]
    if unknown:
        sys.exit(f"compare_opencv.py: unknown tracker(s) {', '.join(unknown)}; choose from {', '.join(made)}")
    rows = []
    if os.path.exists(options.siamtrack_report):
        rows.append(siamtrack_row(options.siamtrack_report, sequences))
    else:
        print(f"no siamtrack report at {options.siamtrack_report}; run siamtrack eval first to get its row", file=sys.stderr)
    with tempfile.TemporaryDirectory() as scratch:
        results = options.results or scratch
        rows += [evaluate(n, made[n], sequences, options, results) for n in dict.fromkeys(names)]
    process = siamtrack_process_row(options.siamtrack, sequences, options.siamtrack_threads) if options.siamtrack else None
    frames = sum(s.frames for s in sequences)
    print(f"{len(sequences)} sequences, {frames} frames of {options.dataset}; OpenCV {cv2.__version__}, {options.threads} threads\n")
    print(markdown(rows + ([process] if process else [])))
    if process:
        print()
        for row in rows:
            if row["tracker"] != "siamtrack" and row["e2e_fps"]:
                print(f"siamtrack track end to end / {row['tracker']} end to end: {process['e2e_fps'] / row['e2e_fps']:.2f}")


if __name__ == "__main__":
    main()
