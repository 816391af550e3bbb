"""Learning-free kNN baselines on an exported dataset: how much of the class can a global image summary see?

docs/data.md quotes these for synthetic_objects at 32 px. Features: raw pixels (flattened RGB), a 4x4x4 RGB
colour histogram of the whole image, and the same histogram of the object's pixels only (weighted by the exact,
soft mask, i.e. an oracle). kNN: cosine similarity, k 20, votes exp(sim / 0.07); bank = the first `--bank`
training images by index, scored on the first `--test` test images. Deterministic; seconds on a CPU.

./harl data export --dataset synthetic_objects --split train --out /tmp/px/train --set image_size=32   # and test
python3 tools/figures/pixel_baselines.py --train /tmp/px/train --test /tmp/px/test --out RESULT.json
Needs numpy and Pillow or scikit-image.
"""
import argparse
import json
import os
import re

import numpy as np

try:
    from PIL import Image

    def imread(path):
        return np.asarray(Image.open(path))
except ImportError:  # Debian's python3-skimage, without Pillow
    from skimage.io import imread


def load(root, limit):
    """Images (N, H, W, 3) in [0, 1], masks (N, H, W) in [0, 1] and labels of the first `limit` samples by index."""
    entries = []
    for ci, c in enumerate(sorted(os.listdir(os.path.join(root, "images")))):
        for f in os.listdir(os.path.join(root, "images", c)):
            entries.append((int(re.search(r"_(\d+)\.png$", f).group(1)), c, f, ci))
    entries.sort()
    if len(entries) < limit:
        raise SystemExit(f"{root}: {len(entries)} images, {limit} needed")
    xs, ms, ys = [], [], []
    for _, c, f, ci in entries[:limit]:
        xs.append(imread(os.path.join(root, "images", c, f))[..., :3] / 255.0)
        m = imread(os.path.join(root, "masks", c, f))
        ms.append((m if m.ndim == 2 else m[..., 0]) / 255.0)
        ys.append(ci)
    return np.stack(xs), np.stack(ms), np.array(ys)


def histogram(x, w, bins=4):
    """Per image: a bins^3 RGB histogram with per-pixel weights w, normalised to sum 1."""
    idx = np.minimum((x * bins).astype(int), bins - 1)
    flat = (idx[..., 0] * bins + idx[..., 1]) * bins + idx[..., 2]
    h = np.stack([np.bincount(f.ravel(), weights=wi.ravel(), minlength=bins ** 3) for f, wi in zip(flat, w)])
    return h / np.maximum(h.sum(1, keepdims=True), 1e-12)


def knn_top1(bank, bank_y, test, test_y, k=20, t=0.07):
    unit = lambda f: f / np.maximum(np.linalg.norm(f, axis=1, keepdims=True), 1e-12)
    sim = unit(test) @ unit(bank).T
    idx = np.argsort(-sim, axis=1)[:, :k]
    votes = np.zeros((len(test), int(bank_y.max()) + 1))
    for j in range(k):
        np.add.at(votes, (np.arange(len(test)), bank_y[idx[:, j]]), np.exp(sim[np.arange(len(test)), idx[:, j]] / t))
    return float((votes.argmax(1) == test_y).mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--bank", type=int, default=5000)
    ap.add_argument("--test-count", dest="test_count", type=int, default=1000)
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    bx, bm, by = load(a.train, a.bank)
    tx, tm, ty = load(a.test, a.test_count)
    ones = lambda x: np.ones(x.shape[:3])
    result = {
        "raw_pixels_knn_top1": knn_top1(bx.reshape(len(bx), -1), by, tx.reshape(len(tx), -1), ty),
        "image_histogram_knn_top1": knn_top1(histogram(bx, ones(bx)), by, histogram(tx, ones(tx)), ty),
        "object_histogram_knn_top1": knn_top1(histogram(bx, bm), by, histogram(tx, tm), ty),
        "bank": a.bank, "test": a.test_count, "k": 20, "temperature": 0.07, "histogram_bins": 4,
        "train": a.train, "test_dir": a.test, "numpy": np.__version__,
    }
    text = json.dumps(result, indent=2)
    if a.out == "-":
        print(text)
    else:
        with open(a.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
