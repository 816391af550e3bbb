#!/usr/bin/env python3
"""Regenerates datasets/natural_composites byte-identically: 200 composites of 96x96 px with exact masks.

Made with: Python 3.11.2, NumPy 1.24.2, scikit-image 0.19.3, Pillow 9.4.0, zlib 1.2.13 (Debian's /usr/bin/python3).
Other versions may change the bytes (resampling, RNG streams, PNG compression), not the design.

Usage: /usr/bin/python3 datasets/natural_composites/make_composites.py [--out DIR]   (default: this folder)

Each image: a crop of one scikit-image sample photograph as background; a foreground object whose texture is a crop
of another sample photograph, cut out by a shape (ellipse, star-convex polygon, superformula or the horse
silhouette) drawn at 4x and box-averaged, so the mask is the object's exact anti-aliased alpha. Object area 5-45 %
of the image; centre-biased positions, with one in five placed anywhere (objects may touch or cross the border).
Layout (harl's image_folder): images/<shape>/<nnnn>.png (RGB) and masks/<shape>/<nnnn>.png (8-bit alpha).
An evaluation set only: no mask model or tuning choice may be trained on it.
"""
import argparse
import os

import numpy as np
from PIL import Image
from skimage import data, draw

SIDE = 96
COUNT = 200
SEED = 20261203
SUPER = 4  # supersampling factor of the shape masks

# Sample photographs and textures with their licences (scikit-image 0.19.3 docstrings).
SOURCES = {
    "astronaut": "public domain (NASA)",
    "chelsea": "CC0 (Stefan van der Walt)",
    "coffee": "CC0 (Rachel Michetti)",
    "rocket": "public domain (SpaceX)",
    "camera": "CC0 (Lav Varshney)",
    "brick": "CC0 (CC0Textures)",
    "grass": "CC0 (DeviantArt, linolafett)",
    "gravel": "CC0 (CC0Textures)",
}
SHAPES = ("ellipse", "polygon", "superformula", "horse")


def load_sources():
    out = {}
    for name in SOURCES:
        im = getattr(data, name)()
        if im.ndim == 2:
            im = np.stack([im] * 3, axis=-1)
        out[name] = np.ascontiguousarray(im[..., :3])
    return out


def crop(rng, im, side):
    """A random square crop covering 35-100 % of the shorter side, resized to side x side, maybe mirrored."""
    h, w = im.shape[:2]
    s = int(rng.integers(int(0.35 * min(h, w)), min(h, w) + 1))
    y = int(rng.integers(0, h - s + 1))
    x = int(rng.integers(0, w - s + 1))
    patch = Image.fromarray(im[y:y + s, x:x + s]).resize((side, side), Image.LANCZOS)
    out = np.asarray(patch, dtype=np.float64)
    return out[:, ::-1] if rng.random() < 0.5 else out


def outline(rng, kind):
    """Points (y, x) of a closed shape around the origin with unit-ish radius, or None for the horse."""
    t = np.linspace(0, 2 * np.pi, 361)[:-1]
    if kind == "ellipse":
        a, b, rot = rng.uniform(0.6, 1.0), rng.uniform(0.35, 1.0), rng.uniform(0, np.pi)
        x, y = a * np.cos(t), b * np.sin(t)
    elif kind == "polygon":
        n = int(rng.integers(5, 13))
        ang = np.sort(rng.uniform(0, 2 * np.pi, n))
        r = rng.uniform(0.45, 1.0, n)
        x, y, rot = r * np.cos(ang), r * np.sin(ang), 0.0
    elif kind == "superformula":
        m = int(rng.integers(3, 9))
        n1, n2, n3 = rng.uniform(2, 8), rng.uniform(2, 8), rng.uniform(2, 8)
        r = (np.abs(np.cos(m * t / 4)) ** n2 + np.abs(np.sin(m * t / 4)) ** n3) ** (-1 / n1)
        r = r / r.max()
        x, y, rot = r * np.cos(t), r * np.sin(t), rng.uniform(0, 2 * np.pi)
    else:
        return None
    c, s = np.cos(rot), np.sin(rot)
    return c * y + s * x, c * x - s * y


def alpha(rng, kind, horse):
    """The object's alpha in [0, 1] at SIDE x SIDE: shape drawn at SUPER x, box-averaged."""
    big = SIDE * SUPER
    area = rng.uniform(0.05, 0.45) * big * big
    if rng.random() < 0.2:  # anywhere, possibly across the border
        cy, cx = rng.uniform(0, big, 2)
    else:
        cy, cx = np.clip(rng.normal(big / 2, 0.12 * big, 2), 0.2 * big, 0.8 * big)
    canvas = np.zeros((big, big), dtype=np.float64)
    pts = outline(rng, kind)
    if pts is None:
        sil = ~horse
        if rng.random() < 0.5:
            sil = sil[:, ::-1]
        ys, xs = np.nonzero(sil)
        sil = sil[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        scale = np.sqrt(area / sil.sum())
        h, w = max(1, round(sil.shape[0] * scale)), max(1, round(sil.shape[1] * scale))
        shape = np.asarray(Image.fromarray(sil.astype(np.uint8) * 255).resize((w, h), Image.NEAREST)) > 127
        y0, x0 = int(round(cy - h / 2)), int(round(cx - w / 2))
        ys0, xs0 = max(0, -y0), max(0, -x0)
        ye, xe = min(h, big - y0), min(w, big - x0)
        if ye > ys0 and xe > xs0:
            canvas[y0 + ys0:y0 + ye, x0 + xs0:x0 + xe] = shape[ys0:ye, xs0:xe]
    else:
        py, px = pts
        unit = 0.5 * np.abs(np.dot(px, np.roll(py, 1)) - np.dot(py, np.roll(px, 1)))  # shoelace
        scale = np.sqrt(area / unit)
        rr, cc = draw.polygon(cy + scale * py, cx + scale * px, shape=canvas.shape)
        canvas[rr, cc] = 1.0
    return canvas.reshape(SIDE, SUPER, SIDE, SUPER).mean(axis=(1, 3))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()
    rng = np.random.default_rng(SEED)
    sources = load_sources()
    names = list(SOURCES)
    horse = data.horse()
    made = 0
    while made < COUNT:
        kind = SHAPES[made % len(SHAPES)]
        bg_name, fg_name = rng.choice(names, 2, replace=False)
        bg = crop(rng, sources[bg_name], SIDE)
        fg = crop(rng, sources[fg_name], SIDE) * rng.uniform(0.75, 1.25, 3)  # per-channel gain: varied contrast
        a = alpha(rng, kind, horse)
        if not 0.03 <= a.mean() <= 0.6:  # mostly outside the image (or too large): draw again
            continue
        image = np.clip(a[..., None] * fg + (1 - a[..., None]) * bg, 0, 255).round().astype(np.uint8)
        mask = (a * 255).round().astype(np.uint8)
        for sub, arr in (("images", image), ("masks", mask)):
            folder = os.path.join(args.out, sub, kind)
            os.makedirs(folder, exist_ok=True)
            Image.fromarray(arr).save(os.path.join(folder, f"{made:04d}.png"), optimize=False, compress_level=9)
        made += 1


if __name__ == "__main__":
    main()
