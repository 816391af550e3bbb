"""Recomputes the means, spreads and gains that README.md, REPRODUCING.md and docs/ quote, from the committed raw
result files, so that every such figure can be checked with one command. Standard library only.

Accuracies are printed in % with one decimal, rounded half up from the exact decimal values in the files;
spreads are sample standard deviations (n - 1) over seeds.

  python3 tools/figures/tables.py ablation docs/results/harl_synthobj__loss_schedule/results.csv [--common-seeds]
  python3 tools/figures/tables.py seeds docs/results/byol_synthobj__budget/results.csv        # per seed, gains
  python3 tools/figures/tables.py probe docs/results/byol_budget_probe/probe.jsonl
  python3 tools/figures/tables.py summary docs/results/byol_budget_probe/java_byol_tinyresnet_256-coslr-24e_seed0_summary.json
  python3 tools/figures/tables.py paired docs/results/harl_synthobj__mask_type/results.csv ground_truth none_byol
  python3 tools/figures/tables.py compare OLD.csv NEW.csv     # run by run, e.g. OLD from `git show COMMIT:path`
"""
import argparse
import csv
import json
import math
import sys
from collections import OrderedDict
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

METRICS = ["linear_top1", "linear_top5", "knn_top1", "knn_top5", "wall_s", "random_init_linear_top1",
           "random_init_knn_top1"]


def dec(x):
    """A Fraction, Decimal or decimal string as a Decimal (28 significant digits: a mean of three is never cut to
    an exact half by it, so rounding to one decimal stays exact)."""
    if isinstance(x, Fraction):
        return Decimal(x.numerator) / Decimal(x.denominator)
    return Decimal(str(x))


def pct(x):
    """A fraction of 1 as a % string with one decimal, rounded half up."""
    return str((dec(x) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP))


def mean_sd(values):
    """Exact mean (Fraction) and sample standard deviation (float; None for one value) of decimal strings."""
    xs = [Fraction(v) for v in values]
    m = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) if len(xs) > 1 else None
    return m, sd


def fmt(values, scale=100, digits=1):
    m, sd = mean_sd(values)
    q = Decimal(1).scaleb(-digits)
    mm = (dec(m) * scale).quantize(q, ROUND_HALF_UP)
    if sd is None:
        return str(mm)
    return f"{mm} ± {Decimal(repr(sd * scale)).quantize(q, ROUND_HALF_UP)}"


def signed(fr):
    d = (dec(fr) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return ("+" if d >= 0 else "−") + str(abs(d))


def read_completed(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["status"] == "completed"]
    if not rows:
        sys.exit(f"{path}: no completed runs")
    return rows


def ablation(a):
    rows = read_completed(a.csv)
    by = OrderedDict()
    for r in rows:
        by.setdefault(r["setting"], []).append(r)
    seeds = None
    if a.common_seeds:
        seeds = set.intersection(*({r["seed"] for r in rs} for rs in by.values()))
        print(f"seeds shared by every setting: {', '.join(sorted(seeds))}")
    print("| setting | seeds | " + " | ".join(METRICS) + " |")
    print("|---" * (len(METRICS) + 2) + "|")
    for setting, rs in by.items():
        rs = [r for r in rs if seeds is None or r["seed"] in seeds]
        cells = [fmt([r[m] for r in rs], 1, 0) if m == "wall_s" else fmt([r[m] for r in rs]) for m in METRICS]
        print(f"| {setting} | {','.join(r['seed'] for r in rs)} | " + " | ".join(cells) + " |")


def seeds(a):
    """Per run: accuracies, the untrained encoder of the same seed, the paired gain, wall minutes."""
    print("| setting | seed | linear | untrained linear | gain | kNN | untrained kNN | gain | wall min |")
    print("|---" * 9 + "|")
    gains = OrderedDict()
    for r in read_completed(a.csv):
        gl = Fraction(r["linear_top1"]) - Fraction(r["random_init_linear_top1"])
        gk = Fraction(r["knn_top1"]) - Fraction(r["random_init_knn_top1"])
        gains.setdefault(r["setting"], []).append((gl, gk))
        print(f"| {r['setting']} | {r['seed']} | {pct(r['linear_top1'])} | {pct(r['random_init_linear_top1'])} | "
              f"{signed(gl)} | {pct(r['knn_top1'])} | {pct(r['random_init_knn_top1'])} | {signed(gk)} | "
              f"{round(float(r['wall_s']) / 60)} |")
    for setting, g in gains.items():
        print(f"{setting}: mean gain linear {signed(sum(x for x, _ in g) / len(g))}, "
              f"kNN {signed(sum(y for _, y in g) / len(g))} ({len(g)} seeds)")


def probe(a):
    """The budget-probe table: per (variant, budget) the kNN of each seed, one group per call (a repeated
    (variant, budget, seed) row starts a new call), then mean ± sd and gain over the untrained encoder."""
    cells, untrained = OrderedDict(), set()
    with open(a.jsonl) as f:
        for line in f:
            r = json.loads(line, parse_float=Decimal)
            calls = cells.setdefault((r["variant"], r["budget"]), [{}])
            if r["seed"] in calls[-1]:  # the same (variant, budget, seed) again: a later call
                calls.append({})
            calls[-1][r["seed"]] = r["knn"]
            untrained.add((r["seed"], r["untrained_knn"]))
    print("untrained kNN (seed, value):", ", ".join(f"{s}: {pct(v)}" for s, v in sorted(untrained)))
    base = mean_sd([str(v) for _, v in untrained])[0]
    budgets = sorted({b for _, b in cells})
    order = [v for v in a.order.split(",") if any(v == x for x, _ in cells)]
    order += [v for v, _ in cells if v not in order]
    print("\n| variant | " + " | ".join(f"{b // 1000}k" for b in budgets) + " |")
    print("|---" * (len(budgets) + 1) + "|")
    for v in OrderedDict.fromkeys(order):
        row = ["; ".join(", ".join(pct(c[s]) for s in sorted(c)) for c in cells[(v, b)]) if (v, b) in cells
               else "—" for b in budgets]
        print(f"| `{v}` | " + " | ".join(row) + " |")
    print()
    for (variant, budget), calls in cells.items():
        groups = []
        for by_seed in calls:
            vals = [str(by_seed[s]) for s in sorted(by_seed)]
            seeds_ = ",".join(str(s) for s in sorted(by_seed))
            summary = f" = {fmt(vals)}, gain {signed(mean_sd(vals)[0] - base)}" if len(vals) > 1 else ""
            groups.append(f"seeds {seeds_}: " + ", ".join(pct(v) for v in vals) + summary)
        print(f"{variant} {budget // 1000}k: " + "; ".join(groups))


def summary(a):
    with open(a.json) as f:
        s = json.load(f, parse_float=Decimal)
    for k, v in s.items():
        if isinstance(v, Decimal) and (k.endswith("top1") or k.endswith("top5")):
            print(f"{k}: {pct(v)}")
        else:
            print(f"{k}: {v}")
    for m in ("linear_top1", "knn20_top1"):
        if m in s and "random_init_" + m in s:
            print(f"gain {m}: {signed(Fraction(str(s[m])) - Fraction(str(s['random_init_' + m])))}")


def paired(a):
    """Setting A minus setting B on the seeds both completed: per-seed differences, their mean and sd, and the
    difference of the means in units of each setting's own sd."""
    rows = read_completed(a.csv)
    runs = {(r["setting"], r["seed"]): r for r in rows}
    shared = sorted({r["seed"] for r in rows if r["setting"] == a.a} & {r["seed"] for r in rows if r["setting"] == a.b})
    if not shared:
        sys.exit(f"{a.csv}: settings {a.a!r} and {a.b!r} share no completed seed")
    print(f"{a.a} − {a.b}, seeds {','.join(shared)}:")
    for m in ("linear_top1", "linear_top5", "knn_top1", "knn_top5"):
        d = [Fraction(runs[(a.a, s)][m]) - Fraction(runs[(a.b, s)][m]) for s in shared]
        va, vb = ([runs[(x, s)][m] for s in shared] for x in (a.a, a.b))
        (ma, sa), (mb, sb) = mean_sd(va), mean_sd(vb)
        line = f"  {m}: {fmt(va)} vs {fmt(vb)}; per seed " + ", ".join(signed(x) for x in d)
        line += f"; mean {signed(sum(d) / len(d))}"
        if len(d) > 1:
            sd = mean_sd([str(dec(x)) for x in d])[1]
            line += f" ± {Decimal(repr(sd * 100)).quantize(Decimal('0.1'), ROUND_HALF_UP)}"
            diff = float(ma - mb)
            line += " = " + ", ".join(f"{abs(diff) / v:.1f} sd of {n}" for n, v in ((a.a, sa), (a.b, sb)) if v)
        print(line)


def compare(a):
    old = {(r["setting"], r["seed"]): r for r in read_completed(a.old)}
    new = {(r["setting"], r["seed"]): r for r in read_completed(a.new)}
    keys = ["knn_top1", "knn_top5", "linear_top1", "linear_top5"]
    same = 0
    for k in old:
        if k not in new:
            print(f"{k[0]} seed {k[1]}: not in {a.new}")
            continue
        diff = [f"{m} {pct(old[k][m])} → {pct(new[k][m])}" for m in keys if Decimal(old[k][m]) != Decimal(new[k][m])]
        same += not diff
        print(f"{k[0]} seed {k[1]}: " + ("identical" if not diff else ", ".join(diff)))
    print(f"{same} of {len(old)} runs of {a.old} identical in {a.new}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ablation")
    p.add_argument("csv")
    p.add_argument("--common-seeds", action="store_true", help="only the seeds every setting completed")
    p.set_defaults(fn=ablation)
    p = sub.add_parser("seeds")
    p.add_argument("csv")
    p.set_defaults(fn=seeds)
    p = sub.add_parser("probe")
    p.add_argument("jsonl")
    p.add_argument("--order", default="base,tau96,lr2_tau96,sgd,nojitter,bs256,bs256_nojitter,bs512",
                   help="row order of the table (variants not listed follow)")
    p.set_defaults(fn=probe)
    p = sub.add_parser("summary")
    p.add_argument("json")
    p.set_defaults(fn=summary)
    p = sub.add_parser("paired")
    p.add_argument("csv")
    p.add_argument("a")
    p.add_argument("b")
    p.set_defaults(fn=paired)
    p = sub.add_parser("compare")
    p.add_argument("old")
    p.add_argument("new")
    p.set_defaults(fn=compare)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
