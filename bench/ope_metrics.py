"""One-pass evaluation metrics, defined exactly as siamtrack's Evaluation library does.

A box is (x, y, w, h) in pixels, top-left corner; None in the ground truth marks a frame
where the target is absent. Those frames count for no metric. A predicted box that is not
finite or has no area (the tracker lost the target) has IoU 0 and infinite centre errors.
Keep in step with Sources/Evaluation (FrameErrors, OnePassCurves, SequenceMetrics) and
Sources/Geometry/Box.swift.
"""
import math

# Thresholds as i / n, not by repeated addition, so 0.15 is the double nearest 0.15.
OVERLAP_THRESHOLDS = [i / 20 for i in range(21)]
CENTER_ERROR_THRESHOLDS_PIXELS = [float(i) for i in range(51)]
NORMALIZED_CENTER_ERROR_THRESHOLDS = [i / 100 for i in range(51)]


def is_usable(box):
    """Whether a box has four finite numbers and a positive width and height."""
    return all(math.isfinite(v) for v in box) and box[2] > 0 and box[3] > 0


def intersection_over_union(a, b):
    """IoU in [0, 1]; 0 when either box is unusable or they do not overlap."""
    if not (is_usable(a) and is_usable(b)):
        return 0.0
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if not (right > left and bottom > top):
        return 0.0
    overlap = (right - left) * (bottom - top)
    union = a[2] * a[3] + b[2] * b[3] - overlap
    # Clamped: (x + w) - x need not equal w in floating point.
    return min(overlap / union, 1.0) if union > 0 else 0.0


def frame_errors(predicted, ground_truth):
    """(overlaps, centre errors in pixels, normalized centre errors) of the frames with ground truth."""
    if len(predicted) != len(ground_truth):
        raise ValueError(f"{len(predicted)} predicted boxes for {len(ground_truth)} ground-truth rows")
    overlaps, errors, normalized = [], [], []
    for box, truth in zip(predicted, ground_truth):
        if truth is None or not is_usable(truth):
            continue
        overlaps.append(intersection_over_union(box, truth))
        if not is_usable(box):
            errors.append(math.inf)
            normalized.append(math.inf)
            continue
        dx = (box[0] + box[2] / 2) - (truth[0] + truth[2] / 2)
        dy = (box[1] + box[3] / 2) - (truth[1] + truth[3] / 2)
        errors.append(math.sqrt(dx * dx + dy * dy))
        normalized.append(math.sqrt((dx / truth[2]) ** 2 + (dy / truth[3]) ** 2))
    return overlaps, errors, normalized


def curve(thresholds, values, passes):
    """The fraction of values passing at each threshold; all 0 for no values."""
    count = max(len(values), 1)
    return [sum(1 for v in values if passes(v, t)) / count for t in thresholds]


def sequence_curves(predicted, ground_truth):
    """Success (IoU > t), precision (error <= t px) and normalized precision (error <= t) curves."""
    overlaps, errors, normalized = frame_errors(predicted, ground_truth)
    if not overlaps:
        raise ValueError("no frame has a ground-truth box")
    return {
        "success": curve(OVERLAP_THRESHOLDS, overlaps, lambda v, t: v > t),
        "precision": curve(CENTER_ERROR_THRESHOLDS_PIXELS, errors, lambda v, t: v <= t),
        "normalized_precision": curve(NORMALIZED_CENTER_ERROR_THRESHOLDS, normalized, lambda v, t: v <= t),
    }


def mean_curves(curves):
    """Pointwise mean over sequences, each weighing the same (as OTB averages)."""
    return {key: [sum(c[key][i] for c in curves) / len(curves) for i in range(len(curves[0][key]))] for key in curves[0]}


def scores(curves):
    """The summary numbers of one sequence's curves, or of their mean."""
    success, precision = curves["success"], curves["precision"]
    return {
        "auc": sum(success) / len(success),
        "precision_at_20px": precision[CENTER_ERROR_THRESHOLDS_PIXELS.index(20.0)],
        "normalized_precision_auc": sum(curves["normalized_precision"]) / len(curves["normalized_precision"]),
        "success_rate_at_0_5": success[OVERLAP_THRESHOLDS.index(0.5)],
    }


def median(values):
    """Middle value once sorted (mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
