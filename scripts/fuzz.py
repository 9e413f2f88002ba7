#!/usr/bin/env python3
"""Fuzzes siamtrack with damaged videos, hostile arguments, crafted model files and output paths.

Each case runs `siamtrack` once with a timeout and is classified:

    ok        exit 0, every stdout line one complete JSON object with finite numbers and times
              that increase, nothing on stderr
    warned    as ok, with one stderr line "siamtrack: warning: VIDEO is damaged: ..." (frames that
              could not be decoded were skipped)
    error     exit 1 or 2, exactly one stderr line "siamtrack: error: ...", the stdout lines
              written before it still valid
    crash     ended by a signal (SIGILL from a Swift trap, SIGSEGV, SIGABRT, ...)
    hang      still running at the timeout
    bad-json  a stdout line that is not a complete, finite JSON object, or times that do not increase
    noise     anything else on stderr (backtraces, FFmpeg chatter)
    data-loss an output path case changed its input video, or wrote two outputs to one file

Videos are the bundled clips and test fixtures with bytes flipped, ranges zeroed or duplicated,
headers damaged, or cut short; arguments are boxes and settings with extreme, malformed or
misspelt numbers; models are the bundled model with its JSON header's numbers or its weights
changed; output paths are -o and --render aimed at the input video (by its name, a symbolic or
hard link, an `a/../` spelling), at each other, at folders and devices. The same --seed gives the
same cases.

    python3 scripts/fuzz.py --count 100 --seed 1            # CI's short run
    python3 scripts/fuzz.py --count 1000 --seed 7           # the long run quoted in the README

Exits 1 if any case crashed, hung, printed bad JSON or noise; the cases that did are kept in
--keep (default: a temporary folder, removed).
"""
import argparse
import json
import math
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIDEOS = ["clips/distractor/video.mp4", "clips/textured-square/video.mp4", "Tests/Fixtures/h264.mkv",
          "Tests/Fixtures/vp9.webm", "Tests/Fixtures/mjpeg.avi", "Tests/Fixtures/rotated90.mp4"]
MODEL = "Sources/SiameseTracker/Resources/default.safetensors"
NUMBERS = ["0", "-0", "1", "-5", "1e-300", "1e300", "-1e300", "1e20", "nan", "inf", "-inf", "0x10", "1_0", "",
           "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e", "--1", "1,5", "٣"]


def mutate_bytes(data, rng):
    """One random kind of damage to a file's bytes."""
    data = bytearray(data)
    kind = rng.choice(["flip", "truncate", "zero", "duplicate", "header"])
    if kind == "flip":
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        data = data[:rng.randrange(len(data))]
    elif kind == "zero":
        start = rng.randrange(len(data))
        data[start:start + rng.randint(1, 4096)] = bytes(min(4096, len(data) - start))
    elif kind == "duplicate":
        start, length = rng.randrange(len(data)), rng.randint(16, 8192)
        at = rng.randrange(len(data))
        data[at:at] = data[start:start + length]
    else:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(min(512, len(data)))] = rng.randrange(256)
    return bytes(data), kind


def damaged_video_case(rng, scratch, index):
    source = rng.choice(VIDEOS)
    data, kind = mutate_bytes((ROOT / source).read_bytes(), rng)
    path = scratch / f"case{index}{Path(source).suffix}"
    path.write_bytes(data)
    return [str(path), "--box", "20,20,40,40"], f"{kind} {source}"


def argument_case(rng, scratch, index):
    video = str(ROOT / rng.choice(VIDEOS[:2]))
    box = ",".join(rng.choice(NUMBERS + ["10", "20", "40"]) for _ in range(4))
    arguments = [video, "--box", box, "--end-frame", "20"]
    for option in rng.sample(["--scale-step", "--threads", "--search-size", "--scales", "--window-influence",
                              "--colour-influence", "--absent-below", "--start-frame", "--start-time", "--end-time",
                              "--scale-penalty", "--filter-influence", "--filter-regularization"], rng.randint(0, 3)):
        arguments += [option, rng.choice(NUMBERS + ["2", "3", "0.5"])]
    if rng.random() < 0.2:
        arguments += ["--box", ",".join(rng.choice(NUMBERS) for _ in range(4))]
    return arguments, "arguments " + " ".join(arguments[1:])


def model_case(rng, scratch, index):
    data = (ROOT / MODEL).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header, body = data[8:8 + length].decode(), bytearray(data[8 + length:])
    if rng.random() < 0.6:
        # A number in the header (a shape, an offset, a layer's size) replaced by an extreme one.
        digits = [i for i, c in enumerate(header) if c.isdigit() and not header[i - 1].isdigit()]
        at = rng.choice(digits)
        end = at
        while end < len(header) and header[end].isdigit():
            end += 1
        header = header[:at] + rng.choice(["0", "4294967296", "9223372036854775807", "99999999999999999999",
                                           "4611686018427387904", "-1", "1e30"]) + header[end:]
        what = "header number"
    else:
        for _ in range(rng.randint(1, 20)):
            at = rng.randrange(0, len(body) - 4, 4)
            body[at:at + 4] = struct.pack("<f", rng.choice([1e30, -1e30, math.inf, math.nan, 1e-40, 3.4e38]))
        what = "weights"
    encoded = header.encode()
    path = scratch / f"model{index}.safetensors"
    path.write_bytes(struct.pack("<Q", len(encoded)) + encoded + bytes(body))
    return [str(ROOT / VIDEOS[0]), "--box", "76,89,60,60", "--end-frame", "20", "--model", str(path)], f"model {what}"


def output_path_case(rng, scratch, index):
    """-o and --render aimed at the input video through another name, at each other, or elsewhere."""
    folder = scratch / f"paths{index}"
    (folder / "sub").mkdir(parents=True)
    video = folder / "v.mp4"
    shutil.copy(ROOT / VIDEOS[1], video)
    os.symlink(video, folder / "soft.mp4")
    os.link(video, folder / "hard.mp4")
    names = [str(video), str(folder / "soft.mp4"), str(folder / "hard.mp4"), str(folder / "sub/../v.mp4"),
             str(folder / "out.mp4"), str(folder / "out.jsonl"), str(folder / "sub"), str(folder / "none/out.mp4"),
             "/dev/null", str(folder / "sub/../out.mp4")]
    arguments = [str(video), "--box", "29.84,113.41,64.59,64.59", "--end-frame", "10"]
    chosen = {}
    for option in rng.sample(["-o", "--render"], rng.randint(1, 2)):
        chosen[option] = rng.choice(names)
        arguments += [option, chosen[option]]
    original = video.read_bytes()

    def check(returncode):
        if video.read_bytes() != original:
            return "data-loss"
        paths = [os.path.realpath(p) for p in chosen.values() if p != "/dev/null"]
        if returncode == 0 and len(paths) == 2 and paths[0] == paths[1]:
            return "data-loss"
        return None
    return arguments, "output paths " + " ".join(f"{k} {v}" for k, v in chosen.items()), check


def valid_lines(stdout):
    """Whether every line is a complete JSON object of finite numbers with increasing times per target."""
    if stdout and not stdout.endswith("\n"):
        return False
    last_time = {}
    for line in stdout.splitlines():
        try:
            record = json.loads(line, parse_constant=lambda name: math.nan)
        except ValueError:
            return False
        if not isinstance(record, dict):
            return False
        numbers = [v for k, v in record.items() if k != "visible"]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in numbers):
            return False
        target = record.get("target", 0)
        if target in last_time and not record["time"] > last_time[target]:
            return False
        last_time[target] = record["time"]
    return True


def classify(binary, arguments, timeout, check=None):
    try:
        run = subprocess.run([binary, "track"] + arguments, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang"
    stdout, stderr = run.stdout.decode(errors="replace"), run.stderr.decode(errors="replace")
    if run.returncode < 0:
        return "crash"
    if check and check(run.returncode):
        return check(run.returncode)
    if not valid_lines(stdout):
        return "bad-json"
    if run.returncode == 0:
        lines = stderr.splitlines()
        if not stderr:
            return "ok"
        warned = len(lines) == 1 and lines[0].startswith("siamtrack: warning: ") and " is damaged: " in lines[0]
        return "warned" if warned and stderr.endswith("\n") else "noise"
    lines = stderr.splitlines()
    if run.returncode in (1, 2) and len(lines) == 1 and lines[0].startswith("siamtrack: error: ") and stderr.endswith("\n"):
        return "error"
    return "noise" if run.returncode in (1, 2) else "crash"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100, help="cases to run (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/siamtrack"))
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a case counts as hung")
    parser.add_argument("--keep", help="folder to keep the failing cases' files in")
    options = parser.parse_args()
    if not os.path.isfile(options.binary):
        sys.exit(f"fuzz.py: no siamtrack at {options.binary}; build it first (swift build -c release)")
    rng = random.Random(options.seed)
    counts, failures = {}, []
    with tempfile.TemporaryDirectory() as temporary:
        scratch = Path(temporary)
        for index in range(options.count):
            make = rng.choices([damaged_video_case, argument_case, model_case, output_path_case], weights=[6, 3, 2, 2])[0]
            arguments, label, *check = make(rng, scratch, index)
            outcome = classify(options.binary, arguments, options.timeout, *check)
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome not in ("ok", "warned", "error"):
                failures.append((outcome, label, arguments))
                if options.keep:
                    os.makedirs(options.keep, exist_ok=True)
                    for argument in arguments:
                        if argument.startswith(str(scratch)):
                            shutil.copy(argument, options.keep)
    print(f"{options.count} cases (seed {options.seed}): " + ", ".join(f"{counts.get(k, 0)} {k}" for k in
          ["ok", "warned", "error", "crash", "hang", "bad-json", "noise", "data-loss"]))
    for outcome, label, arguments in failures:
        print(f"  {outcome}: {label}: siamtrack track {' '.join(arguments)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
