#!/usr/bin/env python3
"""Compares the per-step training losses of two runs' metrics.jsonl files (standard library only, any Python 3).

Usage: compare_losses.py BEFORE/metrics.jsonl AFTER/metrics.jsonl [--out result.txt]
Prints (and with --out writes) one line per step with both losses and their difference, the kNN monitor values,
and a verdict; exits 1 if the steps differ or any loss differs.
"""
import argparse
import json
import sys


def read(path):
    losses, knn = {}, {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON ({e})")
            if "loss" in record:
                losses[record["step"]] = record["loss"]
            for key in ("knn_top1",):
                if key in record:
                    knn[(record["step"], record["epoch"])] = record[key]
    return losses, knn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--out")
    args = parser.parse_args()
    before, knn_before = read(args.before)
    after, knn_after = read(args.after)
    lines = [f"before: {args.before}", f"after:  {args.after}", "", "step  loss_before  loss_after  difference"]
    for step in sorted(set(before) | set(after)):
        b, a = before.get(step), after.get(step)
        diff = "missing" if a is None or b is None else f"{a - b:.3g}"
        lines.append(f"{step:4d}  {b!r:>20}  {a!r:>20}  {diff}")
    lines.append("")
    for key in sorted(set(knn_before) | set(knn_after)):
        lines.append(f"knn_top1 at step {key[0]} (epoch {key[1]}): before {knn_before.get(key)}, "
                     f"after {knn_after.get(key)}")
    same_steps = set(before) == set(after)
    max_diff = max((abs(after[s] - before[s]) for s in before if s in after), default=float("nan"))
    equal = same_steps and all(before[s] == after[s] for s in before) and knn_before == knn_after
    lines.append("")
    lines.append(f"steps: {len(before)} before, {len(after)} after; max |loss difference| = {max_diff}")
    lines.append("verdict: " + ("EQUAL (every per-step loss and kNN value identical)" if equal else "DIFFERENT"))
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
