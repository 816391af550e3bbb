"""Regenerates the Fashion-MNIST test fixture: the first 300 training and the first 100 test items.

Reads the four gzip IDX files of the full dataset and writes the same files, in the same format, holding only the
leading items (images and labels in their original order), gzip-compressed with a zero timestamp so that the
output is byte-identical on every run.

Source: Debian 12 package dataset-fashion-mnist 0.0~git20200523.55506a9-1 (files in
/usr/share/datasets/fashion-mnist); Fashion-MNIST is (c) Zalando SE, MIT licence. Run with /usr/bin/python3 (3.11;
only the standard library).

Usage: /usr/bin/python3 make_subset.py [--source DIR] [--out DIR]   (default out: the folder of this script)
Check: write into another folder with --out and compare (cmp) with the committed files; they are byte-identical.
"""
import argparse
import gzip
import os
import struct
import sys

COUNTS = {"train": 300, "t10k": 100}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = struct.unpack(">I", raw[:4])[0]
    if magic >> 8 != 0x08:
        sys.exit(f"make_subset.py: {path}: not an IDX file of unsigned bytes (magic {magic:#010x})")
    nd = magic & 0xff
    dims = list(struct.unpack(">" + "I" * nd, raw[4:4 + 4 * nd]))
    return dims, raw[4 + 4 * nd:]


def write_idx(path, dims, payload):
    header = struct.pack(">I", 0x0800 | len(dims)) + struct.pack(">" + "I" * len(dims), *dims)
    with open(path, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
        z.write(header + payload)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for prefix, n in COUNTS.items():
        for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
            name = f"{prefix}-{kind}.gz"
            src = os.path.join(a.source, name)
            if not os.path.isfile(src):
                sys.exit(f"make_subset.py: {src} not found (apt-get install dataset-fashion-mnist, or --source DIR)")
            dims, data = read_idx(src)
            item = 1
            for d in dims[1:]:
                item *= d
            write_idx(os.path.join(a.out, name), [n] + dims[1:], data[:n * item])


if __name__ == "__main__":
    main()
