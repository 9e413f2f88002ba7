"""Annotated sequences in the layouts siamtrack eval reads, as Sources/Evaluation reads them.

- ours:    NAME/video.mp4 + NAME/groundtruth.txt
- OTB:     NAME/img/*.jpg + NAME/groundtruth_rect.txt (or groundtruth_rect.N.txt per target)
- VOT:     NAME/color/*.jpg or NAME/*.jpg + NAME/groundtruth.txt (boxes or polygons)
- GOT-10k: NAME/*.jpg + NAME/groundtruth.txt + absence.label / cover.label / meta_info.ini
"""
import math
import os
import re
from dataclasses import dataclass

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".bmp"}


@dataclass
class Sequence:
    name: str
    video: str | None  # a video file, or None for image frames
    images: list
    ground_truth: list  # (x, y, w, h) per frame, None where the target is absent

    @property
    def initial_box(self):
        return self.ground_truth[0]


def natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def image_paths(directory):
    if not os.path.isdir(directory):
        return []
    names = [n for n in os.listdir(directory) if not n.startswith(".") and os.path.splitext(n)[1].lower() in IMAGE_EXTENSIONS]
    return [os.path.join(directory, n) for n in sorted(names, key=natural_key)]


def rows(path):
    with open(path, encoding="utf-8") as file:
        lines = file.read().splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def read_ground_truth(path):
    """One box per row; 4 numbers (x,y,w,h) or 8 (a polygon, made axis-aligned); nan or no area = absent."""
    boxes = []
    for number, line in enumerate(rows(path), start=1):
        fields = [f for f in re.split(r"[, \t]", line) if f]
        if len(fields) not in (4, 8):
            raise ValueError(f"ground truth {path} line {number}: expected 4 or 8 numbers, found {len(fields)}")
        values = [float(f) for f in fields]
        if any(math.isnan(v) for v in values):
            boxes.append(None)
            continue
        if len(values) == 8:
            xs, ys = values[0::2], values[1::2]
            values = [min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)]
        usable = all(math.isfinite(v) for v in values) and values[2] > 0 and values[3] > 0
        boxes.append(tuple(values) if usable else None)
    return boxes


def hide_unseen_targets(boxes, directory):
    """GOT-10k: frames with absence.label 1 or cover.label 0 are not scored."""
    for name, hides in (("absence.label", lambda v: v == 1), ("cover.label", lambda v: v == 0)):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            labels = [int(line.strip()) for line in rows(path)]
            if len(labels) != len(boxes):
                raise ValueError(f"{path} has {len(labels)} rows but the ground truth beside it has {len(boxes)}")
            boxes = [None if hides(label) else box for box, label in zip(boxes, labels)]
    return boxes


def otb_ground_truth_files(directory):
    single = os.path.join(directory, "groundtruth_rect.txt")
    name = os.path.basename(os.path.normpath(directory))
    if os.path.exists(single):
        return [(name, single)]
    targets = sorted(int(m.group(1)) for n in os.listdir(directory) if (m := re.fullmatch(r"groundtruth_rect\.(\d+)\.txt", n)))
    return [(f"{name}-{t}", os.path.join(directory, f"groundtruth_rect.{t}.txt")) for t in targets]


def sequences_in(directory):
    """The sequences stored in one sequence directory, or [] when it holds none."""
    name = os.path.basename(os.path.normpath(directory))
    ground_truth = os.path.join(directory, "groundtruth.txt")
    if os.path.exists(os.path.join(directory, "video.mp4")) and os.path.exists(ground_truth):
        return [Sequence(name, os.path.join(directory, "video.mp4"), [], read_ground_truth(ground_truth))]
    if os.path.isdir(os.path.join(directory, "img")) and otb_ground_truth_files(directory):
        images = image_paths(os.path.join(directory, "img"))
        return [Sequence(target, None, images, read_ground_truth(path)) for target, path in otb_ground_truth_files(directory)]
    if not os.path.exists(ground_truth):
        return []
    color = image_paths(os.path.join(directory, "color"))
    if os.path.isdir(os.path.join(directory, "color")):
        return [Sequence(name, None, color, read_ground_truth(ground_truth))]
    images = image_paths(directory)
    if not images:
        return []
    boxes = read_ground_truth(ground_truth)
    if any(os.path.exists(os.path.join(directory, m)) for m in ("absence.label", "cover.label", "meta_info.ini")):
        boxes = hide_unseen_targets(boxes, directory)
    return [Sequence(name, None, images, boxes)]


def load_dataset(directory):
    """Every sequence in `directory` (itself a sequence, or a folder of them), in natural name order."""
    found = sequences_in(directory)
    if not found:
        for entry in sorted(os.listdir(directory), key=natural_key):
            path = os.path.join(directory, entry)
            if not entry.startswith(".") and os.path.isdir(path):
                found += sequences_in(path)
    if not found:
        raise ValueError(f"{directory} holds no sequence in our, OTB, VOT or GOT-10k layout")
    for sequence in found:
        if not sequence.ground_truth or sequence.initial_box is None:
            raise ValueError(f"sequence {sequence.name}: no box on the first frame to start from")
        if sequence.video is None and len(sequence.images) != len(sequence.ground_truth):
            raise ValueError(f"sequence {sequence.name}: {len(sequence.images)} images but {len(sequence.ground_truth)} ground-truth rows")
    return found
