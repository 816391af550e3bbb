"""PyTorch reference for `harl bench train --reference`: BYOL and HARL pretraining steps in plain PyTorch, CPU.

`harl bench train` runs this script in the same command as its own Java steps and prints the ratio of images/s;
it passes the same architecture, view size, batch, threads, warm-up steps and timed steps it used itself.
Both sides time whole steps on random inputs (no data loading), skip the warm-up steps, and report the median of
the timed steps: the element at index steps // 2 of the sorted step times, as the Java side does.

The step: torchvision ResNet-18 (or -50), with a small-image stem for views <= 64 px (3x3 conv, no max-pool);
projector d->4096->256 and predictor 256->4096->256 (Linear, BN, ReLU, Linear); EMA target (tau 0.99);
SGD lr 0.05, momentum 0.9, weight decay 1e-6. Loss per direction 2 - 2 cos(p, sg(z')), both directions summed.
  byol: L = L_img
  harl: L = beta L_img + (1 - beta) (alpha L_fg + (1 - alpha) L_bg), C5 pooled over the view's mask (area-averaged
        down to the feature grid) and over its complement; beta = alpha = 0.5.

Measured with Debian 12's python3-torch 1.13.1 and python3-torchvision 0.14.1 (/usr/bin/python3); the Debian build
starts with one thread, so the script sets --threads.

Prints one line per method:
  pytorch METHOD arch=.. size=.. batch=.. threads=.. torch=.. warmup=W steps=N median_step_s=.. images_per_s=..
          cpu_s_per_step=.. sys_s_per_step=.. minflt_per_step=..
the last three from getrusage over the timed steps: CPU seconds (user + system, all threads), system seconds and
minor page faults per step, which a busy machine inflates far less than wall-clock time.
"""
import argparse
import copy
import os
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

p = argparse.ArgumentParser(description="BYOL / HARL pretraining steps in PyTorch: median step time")
p.add_argument("--arch", default="resnet18", choices=["resnet18", "resnet50", "tiny_resnet"],
               help="tiny_resnet: the CPU-scale recipe's encoder (tools/calibration/byol_budget.py, widths "
               "16/32/64/128) with heads 512/128/512; the ResNets get heads 4096/256/4096")
p.add_argument("--size", type=int, default=32, help="view side in pixels")
p.add_argument("--batch", type=int, default=32, help="images (pairs of views) per step")
p.add_argument("--warmup", type=int, default=2, help="untimed first steps")
p.add_argument("--steps", type=int, default=10, help="timed steps")
p.add_argument("--threads", type=int, default=2, help="intra-op threads")
p.add_argument("--methods", default="byol,harl", help="comma-separated: byol, harl")
p.add_argument("--profile", metavar="DIR", help="write a trace of the timed steps per method to DIR/pytorch-METHOD.json "
               "(the legacy autograd profiler with shapes, as the Java side's --profile; chrome://tracing format)")
a = p.parse_args()
if a.steps < 1 or a.warmup < 0:
    p.error("--steps must be >= 1 and --warmup >= 0")
torch.set_num_threads(a.threads)
torch.manual_seed(0)


HIDDEN, OUT = (512, 128) if a.arch == "tiny_resnet" else (4096, 256)


def mlp(i, h=HIDDEN, o=OUT):
    return nn.Sequential(nn.Linear(i, h), nn.BatchNorm1d(h), nn.ReLU(True), nn.Linear(h, o))


def tiny_encoder():
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "calibration"))
    from byol_budget import Encoder
    return Encoder([16, 32, 64, 128])


class Online(nn.Module):
    def __init__(self):
        super().__init__()
        if a.arch == "tiny_resnet":
            self.m, self.proj = tiny_encoder().net, mlp(128)
            return
        m = getattr(torchvision.models, a.arch)()
        if a.size <= 64:
            m.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
            m.maxpool = nn.Identity()
        self.m = m
        self.proj = mlp(2048 if a.arch == "resnet50" else 512)

    def c5(self, x):
        if a.arch == "tiny_resnet":
            return self.m(x)
        m = self.m
        x = m.maxpool(m.relu(m.bn1(m.conv1(x))))
        return m.layer4(m.layer3(m.layer2(m.layer1(x))))


def embeddings(net, x, mask, harl):
    f = net.c5(x)
    out = [net.proj(f.mean((2, 3)))]
    if harl:
        m = F.adaptive_avg_pool2d(mask, f.shape[-2:])
        for w in (m, 1 - m):
            pooled = (f * w).sum((2, 3)) / w.sum((2, 3)).clamp_min(1e-6)
            out.append(net.proj(pooled))
    return out


def regress(pred, z):
    return 2 - 2 * F.cosine_similarity(pred, z.detach(), dim=-1).mean()


def run(method):
    harl = method == "harl"
    online = Online()
    target = copy.deepcopy(online)
    for q in target.parameters():
        q.requires_grad_(False)
    predictor = mlp(OUT)
    params = list(online.parameters()) + list(predictor.parameters())
    opt = torch.optim.SGD(params, lr=0.05, momentum=0.9, weight_decay=1e-6)
    b, s = a.batch, a.size
    x1, x2 = torch.randn(b, 3, s, s), torch.randn(b, 3, s, s)
    m1, m2 = (torch.rand(b, 1, s, s) > 0.5).float(), (torch.rand(b, 1, s, s) > 0.5).float()
    weights = [0.5, 0.25, 0.25] if harl else [1.0]  # beta, (1-beta)*alpha, (1-beta)*(1-alpha)
    times = []
    prof = None
    for step in range(a.warmup + a.steps):
        if step == a.warmup:
            usage0 = resource.getrusage(resource.RUSAGE_SELF)
        if a.profile and step == a.warmup:
            prof = torch.autograd.profiler.profile(use_kineto=False, record_shapes=True)
            prof.__enter__()
        t0 = time.perf_counter()
        o1, o2 = embeddings(online, x1, m1, harl), embeddings(online, x2, m2, harl)
        with torch.no_grad():
            t1, t2 = embeddings(target, x1, m1, harl), embeddings(target, x2, m2, harl)
        loss = sum(w * (regress(predictor(p1), z2) + regress(predictor(p2), z1))
                   for w, p1, p2, z1, z2 in zip(weights, o1, o2, t1, t2))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            for po, pt in zip(online.parameters(), target.parameters()):
                pt.mul_(0.99).add_(po, alpha=0.01)
        if step >= a.warmup:
            times.append(time.perf_counter() - t0)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (usage.ru_utime + usage.ru_stime - usage0.ru_utime - usage0.ru_stime) / a.steps
    sys_s = (usage.ru_stime - usage0.ru_stime) / a.steps
    minflt = (usage.ru_minflt - usage0.ru_minflt) // a.steps
    if prof is not None:
        prof.__exit__(None, None, None)
        os.makedirs(a.profile, exist_ok=True)
        trace = os.path.join(a.profile, f"pytorch-{method}.json")
        prof.export_chrome_trace(trace)
        print(f"profile: {trace}", flush=True)
    times.sort()
    med = times[len(times) // 2]
    print(f"pytorch {method} arch={a.arch} size={s} batch={b} threads={a.threads} torch={torch.__version__} "
          f"warmup={a.warmup} steps={a.steps} median_step_s={med:.4f} images_per_s={b / med:.2f} "
          f"cpu_s_per_step={cpu:.3f} sys_s_per_step={sys_s:.3f} minflt_per_step={minflt}", flush=True)


for meth in a.methods.split(","):
    if meth not in ("byol", "harl"):
        p.error(f"--methods: unknown method '{meth}' (byol, harl)")
    run(meth)
