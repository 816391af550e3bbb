"""BYOL budget probe: how many images does BYOL need before it beats an untrained encoder on our data?

A plain-PyTorch re-implementation of the CPU-scale BYOL recipe (experiments/_base/cpu_synthobj.yaml: tiny_resnet
16/32/64/128 with the small stem, heads 512/128/512, LARS, warmup then cosine, EMA tau cosine to 1, BYOL
augmentations at 32 px without blur), used to search budgets and optimisation settings quickly on a GPU. It is a
calibration aid, not the project's trainer: augmentations run batched on the device (crop + flip through one
affine grid per image, YIQ hue rotation), so numbers are close to, not identical with, `harl run`.

Input: an .npz with train_x/test_x (N, H, W, 3) uint8 and train_y/test_y, e.g. from `harl data export` (see
REPRODUCING.md section 3.1). Output: one JSON line per (variant, seed, budget) with kNN top-1 (k 20, T 0.07,
cosine, bank = first 5 000 training images, scored on the test split) of the trained encoder and of the same
encoder untrained.

python3 byol_budget.py --data synthobj32.npz --budgets 18000,30000,60000 --variants base,tau96 --seeds 0,1
"""
import argparse
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# name -> overrides of the base recipe (the project's CPU-scale defaults)
VARIANTS = {
    "base": {},
    "tau96": {"tau": 0.96},
    "lr2": {"lr": 2.0},
    "lr2_tau96": {"lr": 2.0, "tau": 0.96},
    "bs256": {"batch": 256, "lr": 2.0},
    "sgd": {"opt": "sgd", "lr": 0.2, "wd": 5e-4},
    "nojitter": {"jitter_p": 0.0, "gray_p": 0.0},
    "bs256_nojitter": {"batch": 256, "lr": 2.0, "jitter_p": 0.0, "gray_p": 0.0},
    "bs512": {"batch": 512, "lr": 3.0},
    "wide": {"widths": [32, 64, 128, 256]},
}
BASE = {"batch": 64, "lr": 1.0, "wd": 1e-6, "tau": 0.99, "opt": "lars", "warmup_images": 10000,
        "widths": [16, 32, 64, 128], "jitter_p": 0.8, "gray_p": 0.2, "solarize_p": (0.0, 0.2)}
MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)


class Basic(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.short = None if stride == 1 and cin == cout else nn.Sequential(
            nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = self.b2(self.c2(F.relu(self.b1(self.c1(x)))))
        return F.relu(y + (x if self.short is None else self.short(x)))


class Encoder(nn.Module):
    def __init__(self, widths):
        super().__init__()
        layers = [nn.Conv2d(3, widths[0], 3, 1, 1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU()]
        cin = widths[0]
        for i, w in enumerate(widths):
            layers.append(Basic(cin, w, 1 if i == 0 else 2))
            cin = w
        self.net = nn.Sequential(*layers)
        self.dim = cin

    def forward(self, x):
        return self.net(x).mean((2, 3))


def mlp(i, h=512, o=128):
    return nn.Sequential(nn.Linear(i, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Linear(h, o))


class Lars(torch.optim.Optimizer):
    """LARS (eta 1e-3, momentum 0.9); 1-d parameters (biases, BN) get neither weight decay nor trust ratio."""

    def __init__(self, params, lr, wd, eta=1e-3, momentum=0.9):
        super().__init__(params, dict(lr=lr, wd=wd, eta=eta, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for g in self.param_groups:
            for p in g["params"]:
                if p.grad is None:
                    continue
                d = p.grad
                if p.ndim > 1:
                    d = d.add(p, alpha=g["wd"])
                    pn, dn = p.norm(), d.norm()
                    d = d * torch.where((pn > 0) & (dn > 0), g["eta"] * pn / dn, torch.ones_like(pn))
                buf = self.state[p].setdefault("mu", torch.zeros_like(p))
                buf.mul_(g["momentum"]).add_(d)
                p.add_(buf, alpha=-g["lr"])


def augment(x, gen, jitter_p, gray_p, solarize_p):
    """x: (B, 3, H, W) floats in [0, 1] on the device; BYOL's view distribution at small size, batched."""
    b, dev = x.shape[0], x.device
    u = lambda *s: torch.rand(*s, generator=gen, device=dev)
    area = 0.2 + 0.8 * u(b)
    ratio = torch.exp(math.log(3 / 4) + (math.log(4 / 3) - math.log(3 / 4)) * u(b))
    w = torch.sqrt(area * ratio).clamp(max=1.0)
    h = torch.sqrt(area / ratio).clamp(max=1.0)
    cx = (2 * u(b) - 1) * (1 - w)
    cy = (2 * u(b) - 1) * (1 - h)
    flip = torch.where(u(b) < 0.5, -1.0, 1.0)
    theta = torch.zeros(b, 2, 3, device=dev)
    theta[:, 0, 0], theta[:, 0, 2], theta[:, 1, 1], theta[:, 1, 2] = w * flip, cx, h, cy
    x = F.grid_sample(x, F.affine_grid(theta, list(x.shape), align_corners=False), mode="bilinear",
                      padding_mode="border", align_corners=False)
    j = (u(b) < jitter_p).view(b, 1, 1, 1)
    gray = lambda t: (0.299 * t[:, 0:1] + 0.587 * t[:, 1:2] + 0.114 * t[:, 2:3])
    y = x * (0.6 + 0.8 * u(b)).view(b, 1, 1, 1)                                   # brightness 0.4
    m = gray(y).mean((2, 3), keepdim=True)
    y = ((y - m) * (0.6 + 0.8 * u(b)).view(b, 1, 1, 1) + m).clamp(0, 1)           # contrast 0.4
    g = gray(y)
    y = ((y - g) * (0.8 + 0.4 * u(b)).view(b, 1, 1, 1) + g).clamp(0, 1)           # saturation 0.2
    ang = (2 * u(b) - 1) * 0.1 * 2 * math.pi                                       # hue 0.1: rotate I/Q
    yiq = torch.tensor([[0.299, 0.587, 0.114], [0.596, -0.274, -0.322], [0.211, -0.523, 0.312]], device=dev)
    q = torch.einsum("ij,bjhw->bihw", yiq, y)
    c, s = torch.cos(ang).view(b, 1, 1), torch.sin(ang).view(b, 1, 1)
    i2, q2 = c * q[:, 1] - s * q[:, 2], s * q[:, 1] + c * q[:, 2]
    q = torch.stack([q[:, 0], i2, q2], 1)
    y = torch.einsum("ij,bjhw->bihw", torch.linalg.inv(yiq), q).clamp(0, 1)
    x = torch.where(j, y, x)
    x = torch.where((u(b) < gray_p).view(b, 1, 1, 1), gray(x).expand(-1, 3, -1, -1), x)
    x = torch.where((u(b) < solarize_p).view(b, 1, 1, 1) & (x >= 0.5), 1 - x, x)
    return (x - MEAN.to(dev)) / STD.to(dev)


@torch.no_grad()
def knn(enc, tx, ty, vx, vy, k=20, t=0.07, bank=5000):
    enc.eval()
    feats = lambda x: torch.cat([F.normalize(enc((x[i:i + 1000] - MEAN.to(x.device)) / STD.to(x.device)), dim=1)
                                 for i in range(0, len(x), 1000)])
    fb, fv = feats(tx[:bank]), feats(vx)
    sim, idx = (fv @ fb.T).topk(k, dim=1)
    votes = torch.zeros(len(vx), int(ty.max()) + 1, device=vx.device)
    votes.scatter_add_(1, ty[:bank][idx], torch.exp(sim / t))
    enc.train()
    return (votes.argmax(1) == vy).float().mean().item()


def train(cfg, seed, budget, data, dev):
    tx, ty, vx, vy = data
    torch.manual_seed(seed)
    gen = torch.Generator(device=dev)
    gen.manual_seed(seed)
    online = Encoder(cfg["widths"]).to(dev)
    proj, pred = mlp(online.dim).to(dev), mlp(128).to(dev)
    untrained = knn(online, tx, ty, vx, vy)
    t_enc, t_proj = Encoder(cfg["widths"]).to(dev), mlp(online.dim).to(dev)
    t_enc.load_state_dict(online.state_dict())
    t_proj.load_state_dict(proj.state_dict())
    params = list(online.parameters()) + list(proj.parameters()) + list(pred.parameters())
    bs = cfg["batch"]
    lr0 = cfg["lr"] * bs / 256
    opt = Lars(params, lr0, cfg["wd"]) if cfg["opt"] == "lars" else torch.optim.SGD(
        params, lr=lr0, momentum=0.9, weight_decay=cfg["wd"])
    steps = budget // bs
    warm = min(steps // 2, cfg["warmup_images"] // bs)
    n = len(tx)
    perm = torch.randperm(n, generator=gen, device=dev)
    pos, t0 = 0, time.time()
    online_m, target_m = [online, proj], [t_enc, t_proj]
    for step in range(steps):
        lr = lr0 * (step + 1) / warm if step < warm else \
            lr0 * 0.5 * (1 + math.cos(math.pi * (step - warm) / max(1, steps - warm)))
        for g in opt.param_groups:
            g["lr"] = lr
        if pos + bs > n:
            perm, pos = torch.randperm(n, generator=gen, device=dev), 0
        x = tx[perm[pos:pos + bs]]
        pos += bs
        v1 = augment(x, gen, cfg["jitter_p"], cfg["gray_p"], cfg["solarize_p"][0])
        v2 = augment(x, gen, cfg["jitter_p"], cfg["gray_p"], cfg["solarize_p"][1])
        p1, p2 = pred(proj(online(v1))), pred(proj(online(v2)))
        with torch.no_grad():
            z1, z2 = t_proj(t_enc(v1)), t_proj(t_enc(v2))
        loss = (2 - 2 * F.cosine_similarity(p1, z2.detach(), dim=-1).mean()) + \
               (2 - 2 * F.cosine_similarity(p2, z1.detach(), dim=-1).mean())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        tau = 1 - (1 - cfg["tau"]) * (math.cos(math.pi * step / steps) + 1) / 2
        with torch.no_grad():
            for om, tm in zip(online_m, target_m):
                for po, pt in zip(om.parameters(), tm.parameters()):
                    pt.mul_(tau).add_(po, alpha=1 - tau)
                for bo, bt in zip(om.buffers(), tm.buffers()):
                    bt.copy_(bo)
    train_secs = time.time() - t0  # the training loop alone, batched augmentation included
    trained = knn(online, tx, ty, vx, vy)
    return untrained, trained, loss.item(), time.time() - t0, train_secs, steps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--budgets", default="18000,30000,60000,120000")
    ap.add_argument("--variants", default="base")
    ap.add_argument("--seeds", default="0")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--threads", type=int, default=0, help="intra-op threads on the CPU; 0 = torch's default "
                    "(Debian's torch 1.13 starts with one)")
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    z = np.load(a.data)
    to = lambda k: torch.from_numpy(z[k]).to(dev)
    data = (to("train_x").permute(0, 3, 1, 2).float() / 255, to("train_y"),
            to("test_x").permute(0, 3, 1, 2).float() / 255, to("test_y"))
    out = sys.stdout if a.out == "-" else open(a.out, "a")
    for variant in a.variants.split(","):
        cfg = dict(BASE, **VARIANTS[variant])
        for seed in map(int, a.seeds.split(",")):
            for budget in map(int, a.budgets.split(",")):
                untrained, trained, loss, secs, train_secs, steps = train(cfg, seed, budget, data, dev)
                out.write(json.dumps({"variant": variant, "seed": seed, "budget": budget, "steps": steps,
                                      "untrained_knn": round(untrained, 4), "knn": round(trained, 4),
                                      "final_loss": round(loss, 4), "seconds": round(secs, 1),
                                      "train_seconds": round(train_secs, 1),
                                      "torch": torch.__version__, "device": str(dev)}) + "\n")
                out.flush()


if __name__ == "__main__":
    main()
