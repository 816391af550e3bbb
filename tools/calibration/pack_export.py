"""Packs `harl data export` folders (train and test, images/<class>/<file>.png) into one .npz for byol_budget.py.

python3 pack_export.py --train /tmp/probe/train --test /tmp/probe/test --out synthobj32.npz
Training images are stored in a fixed random order (seed 0) so that byol_budget.py's kNN bank (the first 5 000)
holds every class.
"""
import argparse
import os

import numpy as np

try:
    from PIL import Image

    def imread(path):
        return np.asarray(Image.open(path).convert("RGB"))
except ImportError:  # Debian's python3-skimage, without Pillow
    from skimage.io import imread as _imread

    def imread(path):
        return _imread(path)[..., :3]


def load(root):
    images = os.path.join(root, "images")
    classes = sorted(os.listdir(images))
    xs, ys = [], []
    for ci, c in enumerate(classes):
        for f in sorted(os.listdir(os.path.join(images, c))):
            xs.append(imread(os.path.join(images, c, f)))
            ys.append(ci)
    return np.stack(xs), np.array(ys, dtype=np.int64), classes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    tx, ty, classes = load(a.train)
    vx, vy, test_classes = load(a.test)
    if classes != test_classes:
        raise SystemExit(f"train and test class folders differ: {classes} vs {test_classes}")
    perm = np.random.RandomState(0).permutation(len(tx))
    np.savez_compressed(a.out, train_x=tx[perm], train_y=ty[perm], test_x=vx, test_y=vy, classes=np.array(classes))
    print(f"{a.out}: {len(tx)} train, {len(vx)} test, {len(classes)} classes, {tx.shape[1]}x{tx.shape[2]} px")


if __name__ == "__main__":
    main()
