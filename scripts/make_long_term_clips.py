#!/usr/bin/env python3
"""Makes clips where the target leaves and comes back, from real footage in shared/datasets/dev.

Each clip is NAME/video.mp4 + groundtruth.txt (x,y,w,h per frame, nan,nan,nan,nan while the
target is out of view), in the layout `siamtrack eval` reads:

    pan_*      the view (a window of 60% of the frame) pans away from the target, waits and
               pans back; the target is absent while less than half its box is in view
    occlude_*  the target is covered for 1 to 3 s by a piece of the same frame's background
    cut_*      the video cuts to another clip for 2 to 3 s and back

    python3 scripts/make_long_term_clips.py [--datasets ../shared/datasets/dev] [--output results/long-term-clips]
    siamtrack eval results/long-term-clips -o results/long-term/siamtrack

With --each, every clip of the datasets folder gives one made clip instead, the three kinds in
turn (cuts to the next clip's video): the set to calibrate the absence judgement on, made from
train/ so that the clips above stay unseen:

    python3 scripts/make_long_term_clips.py --each --datasets ../shared/datasets/train --output results/long-term-train

The clips are made, not kept: they derive from the datasets' videos, which stay outside this repository.
Needs numpy and the ffmpeg command (scripts/setup installs it).
"""
import argparse
import math
import subprocess
import sys
from pathlib import Path

import numpy as np


def probe(path):
    """The width, height and frame rate of `path`'s video stream."""
    fields = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,avg_frame_rate",
         "-of", "csv=p=0", str(path)], check=True, capture_output=True, text=True).stdout.strip().split(",")
    numerator, denominator = fields[2].split("/")
    return int(fields[0]), int(fields[1]), int(numerator) / int(denominator)


def read_video(path, limit=None):
    """The frames of `path` (all, or the first `limit`) as an (n, h, w, 3) uint8 array, and the frame rate."""
    width, height, fps = probe(path)
    count = [] if limit is None else ["-frames:v", str(limit)]
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), *count, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(-1, height, width, 3), fps


def read_truth(path):
    rows = [line.replace("\t", ",").split(",") for line in Path(path).read_text().split("\n") if line.strip()]
    return np.array([[float(v) for v in row[:4]] for row in rows])


def write_clip(folder, frames, truth, fps):
    folder.mkdir(parents=True, exist_ok=True)
    height, width = frames.shape[1:3]
    command = ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}",
               "-r", f"{fps}", "-i", "-", "-c:v", "libx264", "-crf", "18", "-preset", "medium", "-pix_fmt", "yuv420p",
               str(folder / "video.mp4")]
    subprocess.run(command, input=np.ascontiguousarray(frames).tobytes(), check=True)
    lines = ["nan,nan,nan,nan" if np.isnan(box).any() else ",".join(f"{v:.2f}" for v in box) for box in truth]
    (folder / "groundtruth.txt").write_text("\n".join(lines) + "\n")
    absent = sum(np.isnan(box).any() for box in truth)
    print(f"{folder.name}: {len(frames)} frames, {absent} with the target out of view")


def pan(frames, truth, fps, start, away_seconds):
    """A window of 60% of the frame that follows nothing: still, then sliding away from the
    target (1 s), waiting `away_seconds`, sliding back (1 s), then still."""
    n, height, width = frames.shape[:3]
    view_w, view_h = int(width * 0.6) // 2 * 2, int(height * 0.6) // 2 * 2
    cx, cy = truth[start, 0] + truth[start, 2] / 2, truth[start, 1] + truth[start, 3] / 2
    home_x = int(np.clip(cx - view_w / 2, 0, width - view_w))
    home_y = int(np.clip(cy - view_h / 2, 0, height - view_h))
    # Away: the far side, so the target leaves the window.
    away_x = width - view_w if cx < width / 2 else 0
    move, away = int(fps), int(away_seconds * fps)
    length = min(n - start, 3 * move + away + 2 * int(fps))
    still = (length - 2 * move - away) // 2
    offsets = []
    for i in range(length):
        if i < still:
            t = 0
        elif i < still + move:
            t = (i - still) / move
        elif i < still + move + away:
            t = 1
        elif i < still + 2 * move + away:
            t = 1 - (i - still - move - away) / move
        else:
            t = 0
        t = (1 - math.cos(math.pi * t)) / 2
        offsets.append(round(home_x + (away_x - home_x) * t))
    out_frames = np.stack([frames[start + i, home_y:home_y + view_h, x:x + view_w] for i, x in enumerate(offsets)])
    out_truth = []
    for i, x in enumerate(offsets):
        bx, by, bw, bh = truth[start + i]
        left, top = max(bx - x, 0), max(by - home_y, 0)
        right, bottom = min(bx + bw - x, view_w), min(by + bh - home_y, view_h)
        visible = max(right - left, 0) * max(bottom - top, 0)
        out_truth.append([left, top, right - left, bottom - top] if visible >= 0.5 * bw * bh else [math.nan] * 4)
    return out_frames, np.array(out_truth)


def occlude(frames, truth, fps, start, hidden_seconds, length_seconds=6):
    """The target covered, from 2 s in for `hidden_seconds`, by background from elsewhere in the frame."""
    n, height, width = frames.shape[:3]
    length = min(n - start, int(length_seconds * fps))
    first, last = int(2 * fps), int(2 * fps) + int(hidden_seconds * fps)
    out_frames, out_truth = frames[start:start + length].copy(), truth[start:start + length].copy()
    for i in range(first, min(last, length)):
        if np.isnan(out_truth[i]).any():
            continue
        bx, by, bw, bh = out_truth[i]
        pad_x, pad_y = bw * 0.25, bh * 0.25
        x0, y0 = int(max(bx - pad_x, 0)), int(max(by - pad_y, 0))
        x1, y1 = int(min(bx + bw + pad_x, width)), int(min(by + bh + pad_y, height))
        # The cover comes from the same rows, half a frame to the side.
        source_x0 = (x0 + width // 2) % max(width - (x1 - x0), 1)
        out_frames[i, y0:y1, x0:x1] = frames[start + i, y0:y1, source_x0:source_x0 + (x1 - x0)]
        out_truth[i] = math.nan
    return out_frames, out_truth


def cut(frames, truth, fps, start, other, away_seconds, length_seconds=7):
    """2 s of the clip, `away_seconds` of `other` (resized by nearest pixel), then the clip again."""
    n, height, width = frames.shape[:3]
    length = min(n - start, int(length_seconds * fps))
    first, last = int(2 * fps), int(2 * fps) + int(away_seconds * fps)
    rows = (np.arange(height) * other.shape[1] / height).astype(int)
    columns = (np.arange(width) * other.shape[2] / width).astype(int)
    out_frames, out_truth = frames[start:start + length].copy(), truth[start:start + length].copy()
    for i in range(first, min(last, length)):
        out_frames[i] = other[(i - first) % len(other)][rows][:, columns]
        out_truth[i] = math.nan
    return out_frames, out_truth


def make_each(source, output):
    """One clip per clip of `source` that starts with its target in view and lasts 5 s: pan,
    occlude and cut in turn, 2 s away, from at most the first 8 s."""
    names = sorted(path.name for path in source.iterdir() if (path / "video.mp4").is_file())
    kinds = ["pan", "occlude", "cut"]
    made = 0
    for index, name in enumerate(names):
        truth = read_truth(source / name / "groundtruth.txt")
        fps = probe(source / name / "video.mp4")[2]
        frames = read_video(source / name / "video.mp4", limit=int(8 * fps))[0]
        truth = truth[:len(frames)]
        if len(frames) < 5 * fps or np.isnan(truth[0]).any():
            continue
        kind = kinds[made % len(kinds)]
        made += 1
        if kind == "pan":
            clip = pan(frames, truth, fps, 0, 2)
        elif kind == "occlude":
            clip = occlude(frames, truth, fps, 0, 2, 8)
        else:
            other = read_video(source / names[(index + 1) % len(names)] / "video.mp4", limit=int(2 * fps) + 1)[0]
            clip = cut(frames, truth, fps, 0, other, 2, 8)
        write_clip(output / f"{kind}_{name}", *clip, fps)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "dev"))
    parser.add_argument("--output", default="results/long-term-clips")
    parser.add_argument("--each", action="store_true", help="one clip per clip of the datasets folder, the three kinds in turn")
    options = parser.parse_args()
    source, output = Path(options.datasets), Path(options.output)
    if not source.is_dir():
        sys.exit(f"make_long_term_clips.py: no datasets folder at {source}; give --datasets")
    if options.each:
        make_each(source, output)
        return

    def clip(name):
        frames, fps = read_video(source / name / "video.mp4")
        return frames, read_truth(source / name / "groundtruth.txt"), fps

    dog, dog_truth, dog_fps = clip("Dog1")
    write_clip(output / "pan_Dog1", *pan(dog, dog_truth, dog_fps, 0, 2), dog_fps)
    basketball, basketball_truth, basketball_fps = clip("Basketball")
    write_clip(output / "pan_Basketball", *pan(basketball, basketball_truth, basketball_fps, 100, 3), basketball_fps)
    human, human_truth, human_fps = clip("Human7")
    write_clip(output / "occlude_Human7", *occlude(human, human_truth, human_fps, 0, 2), human_fps)
    write_clip(output / "occlude_Dog1", *occlude(dog, dog_truth, dog_fps, 400, 3, 8), dog_fps)
    bag, bag_truth, bag_fps = clip("bag")
    write_clip(output / "occlude_bag", *occlude(bag, bag_truth, bag_fps, 0, 1), bag_fps)
    jogging, jogging_truth, jogging_fps = clip("Jogging1")
    write_clip(output / "cut_Jogging1", *cut(jogging, jogging_truth, jogging_fps, 0, dog, 2), jogging_fps)
    car, car_truth, car_fps = clip("car")
    traffic = read_video(source / "traffic" / "video.mp4")[0]
    write_clip(output / "cut_car", *cut(car, car_truth, car_fps, 0, traffic, 3), car_fps)


if __name__ == "__main__":
    main()
