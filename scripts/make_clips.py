#!/usr/bin/env python3
"""Generate 3 small synthetic tracking clips (fixed seeds): clips/NAME/video.mp4 + groundtruth.txt.

textured-square     textured object on a smooth Lissajous curve over a smooth-noise background,
                    scaling slowly between 0.7x and 1.4x: tests localisation and scale estimation.
distractor          target crosses (drawn over) a similar-textured, similar-coloured distractor
                    twice while the "camera" drifts: tests discrimination and background motion.
occlusion-lighting  78x44 target under a global brightness dip (0.45x) then rise (1.3x) and a
                    5-frame partial occlusion (<=49%) by a fast foreground bar: photometry, aspect.
Ground truth = exact drawn box, x,y,w,h with pixel j covering [j, j+1); rendered sub-pixel (area
coverage) from the 2-decimal box that is written. --long OUT.mp4 streams a long clip instead."""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CLIPS_DIR = ROOT / "clips"


# ----------------------------------------------------------------------------------------------
# Procedural textures
# ----------------------------------------------------------------------------------------------

def _interp_matrix(n_out: int, n_grid: int) -> np.ndarray:
    """(n_out, n_grid) matrix smoothstep-interpolating n_grid lattice values onto n_out pixels."""
    pos = (np.arange(n_out, dtype=np.float64) + 0.5) / n_out * (n_grid - 1)
    i0 = np.minimum(np.floor(pos).astype(np.int64), n_grid - 2)
    f = pos - i0
    s = f * f * (3.0 - 2.0 * f)
    m = np.zeros((n_out, n_grid), dtype=np.float64)
    rows = np.arange(n_out)
    m[rows, i0] = 1.0 - s
    m[rows, i0 + 1] = s
    return m


def smooth_noise(rng: np.random.Generator, h: int, w: int, cells: int, octaves: int = 4,
                 channels: int = 1, persistence: float = 0.5) -> np.ndarray:
    """Multi-octave value noise in [0, 1], shape (h, w, channels). `cells` = lattice cells on the
    longer side for the coarsest octave; each finer octave has `persistence` times the amplitude."""
    out = np.zeros((h, w, channels), dtype=np.float64)
    amp, total = 1.0, 0.0
    for o in range(octaves):
        c = cells * (2 ** o)
        gh = max(2, int(round(c * h / max(h, w))) + 2)
        gw = max(2, int(round(c * w / max(h, w))) + 2)
        my, mx = _interp_matrix(h, gh), _interp_matrix(w, gw)
        for ch in range(channels):
            g = rng.random((gh, gw))
            out[:, :, ch] += amp * (my @ g @ mx.T)
        total += amp
        amp *= persistence
    out /= total
    lo = out.min(axis=(0, 1), keepdims=True)
    hi = out.max(axis=(0, 1), keepdims=True)
    return (out - lo) / np.maximum(hi - lo, 1e-9)


def make_background(rng: np.random.Generator, h: int, w: int, base: tuple, spread: float,
                    cells: int = 6) -> np.ndarray:
    """Textured, low-saturation background (float RGB in [0,1])."""
    lum = smooth_noise(rng, h, w, cells, octaves=6, persistence=0.62)  # luminance structure
    col = smooth_noise(rng, h, w, max(2, cells // 2), octaves=3, channels=3)
    img = np.asarray(base, dtype=np.float64)[None, None, :] + spread * (lum - 0.5) \
        + 0.35 * spread * (col - 0.5)
    return np.clip(img, 0.0, 1.0)


def make_object_texture(rng: np.random.Generator, palette: list, size: tuple = (96, 96),
                        cells: tuple = (4, 4)) -> np.ndarray:
    """Distinctive object texture: coloured blocks from `palette`, noise-modulated, with a
    diagonal stripe and a thin dark rim. Float RGB in [0,1], shape (size[0], size[1], 3)."""
    th, tw = size
    pal = np.asarray(palette, dtype=np.float64)
    idx = rng.integers(0, len(pal), size=cells)
    # neighbouring cells with equal colour make blobs; re-roll one pass to keep the pattern busy
    for i in range(cells[0]):
        for j in range(1, cells[1]):
            if idx[i, j] == idx[i, j - 1]:
                idx[i, j] = (idx[i, j] + 1 + rng.integers(0, len(pal) - 1)) % len(pal)
    ry = (np.arange(th) * cells[0]) // th
    rx = (np.arange(tw) * cells[1]) // tw
    tex = pal[idx[ry[:, None], rx[None, :]]]
    tex = tex * (0.8 + 0.4 * smooth_noise(rng, th, tw, 5, octaves=2))
    yy, xx = np.mgrid[0:th, 0:tw]
    stripe = np.abs(((xx / tw) - (yy / th))) < 0.08
    tex[stripe] = 0.5 * tex[stripe] + 0.5 * np.array([1.0, 1.0, 1.0])
    rim = max(2, th // 24)
    tex[:rim, :] *= 0.25
    tex[-rim:, :] *= 0.25
    tex[:, :rim] *= 0.25
    tex[:, -rim:] *= 0.25
    return np.clip(tex, 0.0, 1.0)


# ----------------------------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------------------------

def _bilinear_axes(tex: np.ndarray, v: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Sample tex at rows v x cols u (separable bilinear, clamped)."""
    th, tw = tex.shape[:2]
    v = np.clip(v, 0.0, th - 1.0)
    u = np.clip(u, 0.0, tw - 1.0)
    v0 = np.minimum(np.floor(v).astype(np.int64), th - 2)
    u0 = np.minimum(np.floor(u).astype(np.int64), tw - 2)
    fv = (v - v0)[:, None, None]
    fu = (u - u0)[None, :, None]
    rows = tex[v0] * (1.0 - fv) + tex[v0 + 1] * fv
    return rows[:, u0] * (1.0 - fu) + rows[:, u0 + 1] * fu


def _coverage(start: float, length: float, n0: int, n1: int) -> np.ndarray:
    """Fraction of each pixel [k, k+1), k in [n0, n1), covered by [start, start + length)."""
    k = np.arange(n0, n1, dtype=np.float64)
    return np.clip(np.minimum(k + 1.0, start + length) - np.maximum(k, start), 0.0, 1.0)


def draw_textured_box(frame: np.ndarray, tex: np.ndarray, box: tuple) -> None:
    """Composite `tex` stretched onto the continuous box (x, y, w, h), anti-aliased edges."""
    x, y, w, h = box
    fh, fw = frame.shape[:2]
    x0, x1 = max(int(math.floor(x)), 0), min(int(math.ceil(x + w)), fw)
    y0, y1 = max(int(math.floor(y)), 0), min(int(math.ceil(y + h)), fh)
    if x1 <= x0 or y1 <= y0:
        return
    th, tw = tex.shape[:2]
    u = (np.arange(x0, x1) + 0.5 - x) / w * tw - 0.5
    v = (np.arange(y0, y1) + 0.5 - y) / h * th - 0.5
    patch = _bilinear_axes(tex, v, u)
    alpha = (_coverage(y, h, y0, y1)[:, None] * _coverage(x, w, x0, x1)[None, :])[:, :, None]
    region = frame[y0:y1, x0:x1]
    region *= 1.0 - alpha
    region += alpha * patch


def crop_subpixel(img: np.ndarray, ox: float, oy: float, h: int, w: int) -> np.ndarray:
    """Bilinear crop img[oy:oy+h, ox:ox+w] at a fractional offset (camera translation)."""
    ix, iy = int(math.floor(ox)), int(math.floor(oy))
    fx, fy = ox - ix, oy - iy
    a = img[iy:iy + h + 1, ix:ix + w + 1]
    top = a[:-1, :-1] * (1 - fx) + a[:-1, 1:] * fx
    bot = a[1:, :-1] * (1 - fx) + a[1:, 1:] * fx
    return top * (1 - fy) + bot * fy


def to_u8(frame: np.ndarray) -> bytes:
    return np.clip(frame * 255.0 + 0.5, 0, 255).astype(np.uint8).tobytes()


def rbox(x: float, y: float, w: float, h: float) -> tuple:
    """Round a box to the 2 decimals written to the ground truth; rendering uses these values."""
    return (round(x, 2), round(y, 2), round(w, 2), round(h, 2))


def fmt_box(b) -> str:
    if b is None:
        return "nan,nan,nan,nan"
    return ",".join(f"{v:.2f}" for v in b)


# ----------------------------------------------------------------------------------------------
# Encoding
# ----------------------------------------------------------------------------------------------

class Encoder:
    """Streams rgb24 frames into ffmpeg/libx264 through stdin."""

    def __init__(self, path: Path, w: int, h: int, fps: float, crf: int, preset: str):
        if w % 2 or h % 2:
            raise SystemExit(f"size {w}x{h}: yuv420p needs even width and height")
        cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
               "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", str(fps), "-i", "-",
               "-an", "-c:v", "libx264", "-preset", preset, "-crf", str(crf),
               "-pix_fmt", "yuv420p", "-map_metadata", "-1", "-fflags", "+bitexact",
               "-movflags", "+faststart", str(path)]
        self.path = path
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
        self.frames = 0

    def write(self, data) -> None:
        try:
            self.proc.stdin.write(data)
        except BrokenPipeError:
            self.proc.wait()
            raise SystemExit(f"ffmpeg exited early ({self.proc.returncode}) writing {self.path}")
        self.frames += 1

    def close(self) -> None:
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            raise SystemExit(f"ffmpeg failed ({self.proc.returncode}) writing {self.path}")


# ----------------------------------------------------------------------------------------------
# Clips
# ----------------------------------------------------------------------------------------------

def clip_textured_square():
    W, H, FPS, N = 320, 240, 25, 120
    rng = np.random.default_rng(1001)
    bg = make_background(rng, H, W, base=(0.45, 0.50, 0.38), spread=0.55, cells=5)
    tex = make_object_texture(rng, [(0.9, 0.1, 0.1), (1.0, 0.85, 0.1), (0.1, 0.25, 0.85),
                                    (0.95, 0.95, 0.95), (0.1, 0.1, 0.1)], cells=(4, 4))
    base = 56.0
    boxes = []
    for t in range(N):
        s = 1.05 + 0.35 * math.sin(2 * math.pi * t / 80.0 + 0.3)      # 0.70x .. 1.40x
        side = base * s
        cx = W / 2 + 105.0 * math.sin(2 * math.pi * t / 120.0 - 1.2)
        cy = H / 2 + 66.0 * math.sin(2 * math.pi * 1.5 * t / 120.0 + 0.4)
        boxes.append(rbox(cx - side / 2, cy - side / 2, side, side))

    def frames():
        for b in boxes:
            f = bg.copy()
            draw_textured_box(f, tex, b)
            yield to_u8(f)
    return dict(w=W, h=H, fps=FPS, crf=23, boxes=boxes, frames=frames)


def clip_distractor():
    W, H, FPS, N = 480, 270, 30, 150
    P = 40                                                        # background margin for drift
    rng = np.random.default_rng(2002)
    bg = make_background(rng, H + 2 * P, W + 2 * P, base=(0.50, 0.46, 0.42), spread=0.5, cells=7)
    pal_t = [(0.95, 0.45, 0.05), (0.15, 0.3, 0.8), (0.95, 0.9, 0.8), (0.2, 0.15, 0.1)]
    pal_d = [(0.9, 0.35, 0.1), (0.2, 0.35, 0.75), (0.9, 0.85, 0.85), (0.25, 0.2, 0.15)]
    tex_t = make_object_texture(rng, pal_t, cells=(4, 4))
    tex_d = make_object_texture(rng, pal_d, cells=(4, 4))
    dist_world = (W / 2 + P - 28.0, H / 2 + P - 26.0, 56.0, 52.0)   # static in the world
    tw, th = 60.0, 60.0
    boxes, dist_boxes, cams = [], [], []
    for t in range(N):
        camx = P + 22.0 * math.sin(2 * math.pi * t / 150.0) + 6.0 * math.sin(2 * math.pi * t / 47.0)
        camy = P + 14.0 * math.sin(2 * math.pi * t / 110.0 + 1.0)
        cams.append((camx, camy))
        # world-space target path: sweeps left-right through the distractor (crossing it twice)
        cx = W / 2 + P + 150.0 * math.sin(2 * math.pi * t / 130.0 - 1.1)
        cy = H / 2 + P + 8.0 * math.sin(2 * math.pi * t / 65.0) - 4.0
        boxes.append(rbox(cx - tw / 2 - camx, cy - th / 2 - camy, tw, th))
        dx, dy, dw, dh = dist_world
        dist_boxes.append(rbox(dx - camx, dy - camy, dw, dh))

    def frames():
        for b, d, (camx, camy) in zip(boxes, dist_boxes, cams):
            f = crop_subpixel(bg, camx, camy, H, W)
            draw_textured_box(f, tex_d, d)
            draw_textured_box(f, tex_t, b)                        # target on top
            yield to_u8(f)
    return dict(w=W, h=H, fps=FPS, crf=23, boxes=boxes, frames=frames)


def clip_occlusion_lighting():
    W, H, FPS, N = 320, 240, 25, 100
    rng = np.random.default_rng(3003)
    bg = make_background(rng, H, W, base=(0.40, 0.45, 0.52), spread=0.55, cells=6)
    tex = make_object_texture(rng, [(0.1, 0.7, 0.2), (0.95, 0.95, 0.2), (0.8, 0.1, 0.6),
                                    (0.95, 0.95, 0.95), (0.05, 0.05, 0.1)],
                              size=(56, 100), cells=(3, 5))
    bar_w = 38.0
    bar_tex = 0.15 + 0.25 * smooth_noise(rng, 64, 16, 4, octaves=2, channels=3)
    tw, th = 78.0, 44.0
    boxes, bars, gains = [], [], []
    gx = (np.arange(W) / W - 0.5)[None, :, None]
    for t in range(N):
        cx = W / 2 - 100.0 * math.cos(2 * math.pi * t / 100.0)
        cy = H / 2 + 45.0 * math.sin(2 * math.pi * t / 100.0 * 1.5)
        boxes.append(rbox(cx - tw / 2, cy - th / 2, tw, th))
        # foreground bar sweeps right-to-left quickly: a few frames of partial occlusion
        bx = W + 10.0 - 14.0 * (t - 16)
        bars.append(rbox(bx, -1.0, bar_w, H + 2.0) if -bar_w < bx < W else None)
        dip = 0.55 * math.exp(-((t - 45) / 14.0) ** 2)
        rise = 0.30 / (1.0 + math.exp(-(t - 80) / 4.0))
        gains.append((1.0 - dip + rise, 0.12 * math.sin(2 * math.pi * t / 60.0)))

    def frames():
        for b, bar, (g, tilt) in zip(boxes, bars, gains):
            f = bg.copy()
            draw_textured_box(f, tex, b)
            if bar is not None:
                draw_textured_box(f, bar_tex, bar)
            f *= g * (1.0 + tilt * gx)                  # global lighting + slight gradient
            yield to_u8(f)
    return dict(w=W, h=H, fps=FPS, crf=23, boxes=boxes, frames=frames)


CLIPS = {
    "textured-square": clip_textured_square,
    "distractor": clip_distractor,
    "occlusion-lighting": clip_occlusion_lighting,
}


def write_clip(name: str, spec: dict, out_dir: Path) -> None:
    d = out_dir / name
    d.mkdir(parents=True, exist_ok=True)
    video, gt = d / "video.mp4", d / "groundtruth.txt"
    enc = Encoder(video, spec["w"], spec["h"], spec["fps"], spec["crf"], "slow")
    for data in spec["frames"]():
        enc.write(data)
    enc.close()
    boxes = spec["boxes"]
    assert enc.frames == len(boxes)
    gt.write_text("".join(fmt_box(b) + "\n" for b in boxes))
    size = video.stat().st_size
    print(f"wrote {video.relative_to(ROOT) if video.is_relative_to(ROOT) else video} "
          f"({size / 1024:.0f} KiB, {spec['w']}x{spec['h']} @ {spec['fps']} fps, "
          f"{enc.frames} frames) + groundtruth.txt, first box {fmt_box(boxes[0])}")
    if size >= 1_000_000:
        print(f"warning: {video} is {size} bytes (>= 1 MB)", file=sys.stderr)


# ----------------------------------------------------------------------------------------------
# Long high-resolution clip (memory benchmark): streamed, integer placement, pre-rendered sprites
# ----------------------------------------------------------------------------------------------

def write_long(out: Path, minutes: float, size: str, fps: int, preset: str, crf: int) -> None:
    try:
        W, H = (int(v) for v in size.lower().split("x"))
    except ValueError:
        raise SystemExit(f"--size must be WIDTHxHEIGHT, got {size!r}")
    n = max(1, int(round(minutes * 60 * fps)))
    k = min(W, H) / 1080.0
    P = int(round(160 * k)) + 2                                   # drift margin (pixels)
    rng = np.random.default_rng(4004)
    bg = make_background(rng, H + 2 * P, W + 2 * P, base=(0.46, 0.48, 0.40), spread=0.55,
                         cells=8).astype(np.float32)
    bg = np.clip(bg * 255.0 + 0.5, 0, 255).astype(np.uint8)
    tex = make_object_texture(rng, [(0.9, 0.1, 0.1), (1.0, 0.85, 0.1), (0.1, 0.25, 0.85),
                                    (0.95, 0.95, 0.95), (0.1, 0.1, 0.1)], cells=(4, 4))
    base = 110.0 * k
    scales = np.linspace(0.7, 1.4, 15)
    sprites = []
    for s in scales:                                              # integer-sized sprites
        side = max(4, int(round(base * s)))
        c = np.zeros((side, side, 3))
        draw_textured_box(c, tex, (0.0, 0.0, float(side), float(side)))
        sprites.append(np.clip(c * 255.0 + 0.5, 0, 255).astype(np.uint8))

    gt_path = out.with_name(out.name[:-4] + ".groundtruth.txt" if out.suffix == ".mp4"
                            else out.name + ".groundtruth.txt")
    out.parent.mkdir(parents=True, exist_ok=True)
    enc = Encoder(out, W, H, fps, crf, preset)
    frame = np.empty((H, W, 3), dtype=np.uint8)
    first = None
    with gt_path.open("w") as gt:
        for t in range(n):
            ts = t / fps                                          # seconds
            si = int(round((len(scales) - 1) * (0.5 + 0.5 * math.sin(2 * math.pi * ts / 9.0))))
            spr = sprites[si]
            side = spr.shape[0]
            ox = P + int(round((P - 2) * math.sin(2 * math.pi * ts / 23.0)))
            oy = P + int(round((P - 2) * math.sin(2 * math.pi * ts / 31.0 + 0.7)))
            margin = 0.72 * base * 1.4
            cx = W / 2 + (W / 2 - margin) * math.sin(2 * math.pi * ts / 27.0 - 0.5)
            cy = H / 2 + (H / 2 - margin) * math.sin(2 * math.pi * ts / 17.0 + 0.2)
            x = min(max(int(round(cx - side / 2)), 0), W - side)
            y = min(max(int(round(cy - side / 2)), 0), H - side)
            np.copyto(frame, bg[oy:oy + H, ox:ox + W])
            frame[y:y + side, x:x + side] = spr
            enc.write(memoryview(frame).cast("B"))
            line = fmt_box((x, y, side, side))
            first = first or line
            gt.write(line + "\n")
    enc.close()
    print(f"wrote {out} ({out.stat().st_size / 2**20:.1f} MiB, {W}x{H} @ {fps} fps, {n} frames) "
          f"+ {gt_path}, first box {first}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=CLIPS_DIR, help="clips folder (default: clips/)")
    ap.add_argument("--only", choices=sorted(CLIPS), action="append",
                    help="generate only this clip (repeatable)")
    ap.add_argument("--long", type=Path, metavar="OUT.mp4",
                    help="instead, stream one long clip to OUT.mp4 (+ OUT.groundtruth.txt)")
    ap.add_argument("--minutes", type=float, default=10.0, help="length of --long (default 10)")
    ap.add_argument("--size", default="1920x1080", help="WxH of --long (default 1920x1080)")
    ap.add_argument("--fps", type=int, default=25, help="frame rate of --long (default 25)")
    ap.add_argument("--preset", default="ultrafast", help="x264 preset of --long")
    ap.add_argument("--crf", type=int, default=28, help="x264 crf of --long")
    args = ap.parse_args()
    if shutil.which("ffmpeg") is None:
        raise SystemExit("ffmpeg not found on PATH")
    if args.long is not None:
        write_long(args.long, args.minutes, args.size, args.fps, args.preset, args.crf)
        return
    for name in args.only or list(CLIPS):
        write_clip(name, CLIPS[name](), args.out)


if __name__ == "__main__":
    main()
