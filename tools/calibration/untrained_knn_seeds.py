"""kNN top-1 of byol_budget.py's untrained encoder for several seeds, with the probe's own seeding and protocol.

probe.jsonl records untrained_knn 0.3435 for seeds 0, 1 and 2 alike. This checks that the initialisation does
follow the seed (the first stem weights are printed) and how much the untrained score moves with it. CPU, about
10 s per seed.

python3 tools/calibration/untrained_knn_seeds.py --data synthobj32.npz --seeds 0,1,2,3,4 --out RESULT.jsonl
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import byol_budget  # noqa: E402  (a sibling script, not a package)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--seeds", default="0,1,2,3,4")
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    z = np.load(a.data)
    to = lambda k: torch.from_numpy(z[k])
    tx, ty = to("train_x").permute(0, 3, 1, 2).float() / 255, to("train_y")
    vx, vy = to("test_x").permute(0, 3, 1, 2).float() / 255, to("test_y")
    out = sys.stdout if a.out == "-" else open(a.out, "w")
    for seed in map(int, a.seeds.split(",")):
        torch.manual_seed(seed)  # as byol_budget.train does before building the online encoder
        enc = byol_budget.Encoder(byol_budget.BASE["widths"])
        out.write(json.dumps({"seed": seed, "untrained_knn": round(byol_budget.knn(enc, tx, ty, vx, vy), 4),
                              "stem_weight_0_2": [round(w, 6) for w in enc.net[0].weight.flatten()[:3].tolist()],
                              "torch": torch.__version__, "device": "cpu"}) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
