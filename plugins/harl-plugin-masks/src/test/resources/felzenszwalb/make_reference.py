"""Regenerates the Felzenszwalb reference cases that FelzenszwalbReferenceTest compares our segmentation with.

For each case: one of scikit-image's sample images, resized with anti-aliasing to a small square, saved as the
8-bit RGB input NAME.png, and the label map skimage.segmentation.felzenszwalb returns for it with the case's
parameters, saved as a 16-bit grey NAME.labels.png; cases.json lists the parameters and segment counts.

Made with (Debian 12 packages, run with /usr/bin/python3):
  scikit-image 0.19.3 (python3-skimage 0.19.3-8), NumPy 1.24.2, Pillow 9.4.0 (PNG encoding, default settings).
Other scikit-image versions may move boundary pixels, so the script refuses to run with one.

Usage: /usr/bin/python3 make_reference.py [--out DIR]   (default: the folder of this script)
Check: write into an empty folder with --out and compare (cmp) with the committed files; they are byte-identical.
"""
import argparse
import json
import os
import sys

import numpy as np
import skimage
from PIL import Image
from skimage import data, segmentation, transform, util

SKIMAGE_VERSION = "0.19.3"

# name: (side, scale, sigma, min_size); the images are the NASA public-domain photographs astronaut and rocket
# and the CC0 photographs coffee and chelsea shipped with scikit-image.
CASES = {
    "astronaut": (128, 100, 0.8, 50),
    "coffee": (128, 300, 0.8, 100),
    "chelsea": (96, 200, 0.5, 30),
    "rocket": (128, 500, 0.8, 200),
}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    out = p.parse_args().out
    if skimage.__version__ != SKIMAGE_VERSION:
        sys.exit(f"make_reference.py: needs scikit-image {SKIMAGE_VERSION}, found {skimage.__version__}")
    os.makedirs(out, exist_ok=True)
    cases = {}
    for name, (side, scale, sigma, min_size) in CASES.items():
        image = util.img_as_ubyte(transform.resize(getattr(data, name)(), (side, side), anti_aliasing=True))
        labels = segmentation.felzenszwalb(image, scale=scale, sigma=sigma, min_size=min_size)
        Image.fromarray(image).save(os.path.join(out, name + ".png"), format="PNG")
        Image.fromarray(labels.astype(np.uint16)).save(os.path.join(out, name + ".labels.png"), format="PNG")
        cases[name] = {"image": name + ".png", "labels": name + ".labels.png", "scale": scale, "sigma": sigma,
                       "min_size": min_size, "segments": int(len(np.unique(labels)))}
    with open(os.path.join(out, "cases.json"), "w") as f:
        f.write(json.dumps(cases, indent=1) + "\n")


if __name__ == "__main__":
    main()
