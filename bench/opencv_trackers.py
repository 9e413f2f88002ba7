"""OpenCV's trackers, run one-pass over a sequence and timed the way siamtrack eval times itself."""
import time
from dataclasses import dataclass

import cv2


@dataclass
class Sequence:
    """A sequence as `siamtrack eval --list-sequences` describes it."""
    name: str
    video: str | None  # a video file, or None for image frames
    images: list
    initial_box: tuple
    frames: int  # frames to run

    @staticmethod
    def from_listing(listing):
        return Sequence(listing["name"], listing.get("video"), listing.get("images") or [],
                        tuple(listing["initialBox"]), listing["frames"])


def factories(nanotrack_backbone=None, nanotrack_head=None, vit=None):
    """Tracker name -> a function making a fresh tracker; the ONNX ones only when their files are given."""
    made = {
        "KCF": cv2.TrackerKCF.create,
        "CSRT": cv2.TrackerCSRT.create,
        "MIL": cv2.TrackerMIL.create,
    }
    if nanotrack_backbone and nanotrack_head:
        def nano():
            params = cv2.TrackerNano_Params()
            params.backbone, params.neckhead = nanotrack_backbone, nanotrack_head
            return cv2.TrackerNano.create(params)
        made["NanoTrack"] = nano
    if vit:
        def vit_tracker():
            params = cv2.TrackerVit_Params()
            params.net = vit
            return cv2.TrackerVit.create(params)
        made["ViT"] = vit_tracker
    return made


def frames(sequence, limit, exact):
    """The sequence's BGR frames, at most `limit`; with `exact`, a video going on past them is an error."""
    if sequence.video is None:
        for path in sequence.images[:limit]:
            image = cv2.imread(path, cv2.IMREAD_COLOR)
            if image is None:
                raise ValueError(f"cannot read {path}")
            yield image
        return
    capture = cv2.VideoCapture(sequence.video)
    if not capture.isOpened():
        raise ValueError(f"cannot open {sequence.video}")
    count = 0
    while count < limit:
        ok, image = capture.read()
        if not ok:
            break
        count += 1
        yield image
    more = exact and count == limit and capture.read()[0]
    capture.release()
    if more:
        raise ValueError(f"sequence {sequence.name}: {sequence.video} has more frames than the {limit} ground-truth rows")


def run(make_tracker, sequence, exact=True):
    """One-pass run: init on frame 0 with the first ground-truth box, update on every later frame.

    Returns (boxes, whether the tracker found the target on each frame, tracking seconds per
    frame, end-to-end seconds). Frame 0 reports the initial box; a frame where the tracker says it
    lost the target (`update` returns false) repeats the last box it reported (the target stays
    where it was last seen; OpenCV's own box there is 0,0,0,0).
    Tracking seconds are init on frame 0 and update on the others, decoding excluded, as siamtrack
    counts them.
    """
    rows = sequence.frames
    # Made before the clock starts: it loads any network, which siamtrack also does once, untimed.
    tracker = make_tracker()
    opened = time.perf_counter()
    boxes, found_flags, seconds = [], [], []
    for index, image in enumerate(frames(sequence, rows, exact=exact)):
        started = time.perf_counter()
        if index == 0:
            x, y, w, h = sequence.initial_box
            # OpenCV takes whole pixels; the reported box stays the ground truth's.
            tracker.init(image, (round(x), round(y), max(round(w), 1), max(round(h), 1)))
            boxes.append(sequence.initial_box)
            found_flags.append(True)
        else:
            found, box = tracker.update(image)
            boxes.append(tuple(float(v) for v in box) if found else boxes[-1])
            found_flags.append(bool(found))
        seconds.append(time.perf_counter() - started)
    end_to_end = time.perf_counter() - opened
    if len(boxes) != rows:
        raise ValueError(f"sequence {sequence.name}: {len(boxes)} frames but its ground truth has {rows} rows")
    return boxes, found_flags, seconds, end_to_end
