#!/usr/bin/env python3
"""Averages the weights of networks saved by `siamtrack train` (stochastic weight averaging of
the last epochs of one run), which calms the swings from epoch to epoch.

    python3 scripts/average_weights.py -o averaged.safetensors \\
        results/train/model.epoch18.safetensors results/train/model.epoch19.safetensors results/train/model.epoch20.safetensors

Every tensor (convolutions, batch-norm scales, shifts and running statistics) becomes the mean of
the inputs'; the inputs must come from one run, so that their channels correspond. The output
keeps the first input's metadata (architecture, training settings) and records the inputs under
`siamtrack.averagedFrom`. Needs numpy.
"""
import argparse
import json
import struct
import sys
from pathlib import Path

import numpy as np


def read(path):
    """The metadata and the tensors of a safetensors file of float32 tensors."""
    data = Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    metadata = header.pop("__metadata__", {})
    tensors = {}
    for name, entry in header.items():
        if entry["dtype"] != "F32":
            sys.exit(f"average_weights.py: {path}: {name} is {entry['dtype']}, not F32")
        start, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(body[start:end], np.float32).reshape(entry["shape"])
    return metadata, tensors


def write(path, metadata, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        blob = np.ascontiguousarray(tensors[name], np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    header["__metadata__"] = metadata
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    Path(path).write_bytes(struct.pack("<Q", len(encoded)) + encoded + b"".join(blobs))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", nargs="+", help="networks of one training run")
    parser.add_argument("-o", "--output", required=True)
    options = parser.parse_args()
    loaded = [read(path) for path in options.models]
    metadata, first = loaded[0]
    for path, (_, tensors) in zip(options.models, loaded):
        if {name: t.shape for name, t in tensors.items()} != {name: t.shape for name, t in first.items()}:
            sys.exit(f"average_weights.py: {path} does not hold the same tensors as {options.models[0]}")
    averaged = {name: np.mean([tensors[name] for _, tensors in loaded], axis=0) for name in first}
    metadata = dict(metadata)
    metadata["siamtrack.averagedFrom"] = json.dumps([Path(path).name for path in options.models])
    write(options.output, metadata, averaged)
    print(f"{options.output}: the mean of {len(loaded)} networks, {sum(t.size for t in averaged.values())} weights")


if __name__ == "__main__":
    main()
