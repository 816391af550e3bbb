"""scikit-image reference for `harl bench masks`: Felzenszwalb-Huttenlocher segmentation time and labels.

`harl bench masks` writes each resized image as an 8-bit PNG, times its own segmentation of the same pixels and
runs this script on the PNG with the same FH parameters, warm-up runs and timed runs it used itself. Both sides
skip the warm-up runs and report the median of the timed runs: the element at index runs // 2 of the sorted
times, as the Java side does. --out saves the label map (.npy) so the command can compare the partitions.

Measured with Debian 12's python3-skimage 0.19.3 and NumPy 1.24.2 (/usr/bin/python3); scikit-image's
felzenszwalb is single-threaded.

Prints one line:
  skimage width=.. height=.. segments=.. warmup=W runs=N median_ms=..
"""
import argparse
import time

import numpy as np
from skimage import color, io, segmentation

p = argparse.ArgumentParser(description="scikit-image Felzenszwalb segmentation: median time and labels")
p.add_argument("image")
p.add_argument("--scale", type=float, default=300)
p.add_argument("--sigma", type=float, default=0.8)
p.add_argument("--min-size", type=int, default=100)
p.add_argument("--warmup", type=int, default=10, help="untimed first runs")
p.add_argument("--runs", type=int, default=15, help="timed runs")
p.add_argument("--out", help="write the label map of the last run here (.npy)")
a = p.parse_args()
if a.runs < 1 or a.warmup < 0:
    p.error("--runs must be >= 1 and --warmup >= 0")
img = io.imread(a.image)
if img.ndim == 2:
    img = color.gray2rgb(img)
img = img[..., :3]
seg = None
for _ in range(a.warmup):
    segmentation.felzenszwalb(img, scale=a.scale, sigma=a.sigma, min_size=a.min_size)
times = []
for _ in range(a.runs):
    t = time.perf_counter()
    seg = segmentation.felzenszwalb(img, scale=a.scale, sigma=a.sigma, min_size=a.min_size)
    times.append(time.perf_counter() - t)
times.sort()
print(f"skimage width={img.shape[1]} height={img.shape[0]} segments={len(np.unique(seg))} warmup={a.warmup} "
      f"runs={a.runs} median_ms={times[len(times) // 2] * 1000:.3f}", flush=True)
if a.out:
    np.save(a.out, seg)
