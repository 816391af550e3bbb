"""Compares two libtorch profiler traces of training steps op by op: the Java step and the PyTorch reference.

Input: the chrome-trace JSON files written by `harl bench train --profile DIR` (DIR/java-METHOD.json) and by
`tools/reference/pytorch_ssl_step.py --profile DIR` (DIR/pytorch-METHOD.json); both come from libtorch's legacy
autograd profiler, one complete ("X") event per operator call, nested by time on each thread.

Per step (each side divided by its number of profiled steps) it prints:
  - calls: top-level operator calls (for Java ~ the JNI calls that reach libtorch; backward nodes count as
    top-level because the autograd engine starts them), all operator calls, and their totals of time;
  - gap: trace span minus the union of top-level operator time, i.e. time spent outside libtorch (Java, JNI
    marshalling, Python, or waiting for a core on a busy machine);
  - two tables, largest difference first: top-level operators (count and inclusive ms per step) and all operators
    by self time (inclusive time minus that of the operators nested in it).
Absolute times carry the profiler's overhead and the machine's load; op counts do not.

Usage: /usr/bin/python3 tools/reference/compare_profiles.py JAVA.json PYTORCH.json --steps N [--top K]
Standard library only (any Python 3.8+).
"""
import argparse
import collections
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        events = [e for e in json.load(f) if e.get("ph") == "X"]
    if not events:
        sys.exit(f"{path}: no complete ('X') events; is it a profiler trace?")
    return events


def analyse(events):
    """Per-name counts and times, top-level and self, from events nested by time on each thread."""
    top_n, top_t = collections.Counter(), collections.Counter()
    all_n, self_t = collections.Counter(), collections.Counter()
    # per name: (the three innermost enclosing operators) -> [calls, microseconds]
    callers = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0.0]))
    by_tid = collections.defaultdict(list)
    for e in events:
        by_tid[e["tid"]].append(e)
    covered = 0.0
    for evs in by_tid.values():
        evs.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []  # [name, end, child time]
        last_end = None
        for e in evs:
            ts, dur = float(e["ts"]), float(e["dur"])
            while stack and stack[-1][1] <= ts:
                closed = stack.pop()
                self_t[closed[0]] += closed[3] - closed[2]
            if stack:
                stack[-1][2] += dur
            else:
                top_n[e["name"]] += 1
                top_t[e["name"]] += dur
                start = ts if last_end is None else max(ts, last_end)
                covered += max(0.0, ts + dur - start)
                last_end = ts + dur if last_end is None else max(last_end, ts + dur)
            all_n[e["name"]] += 1
            chain = callers[e["name"]][" < ".join(s[0] for s in reversed(stack[-3:])) or "(top level)"]
            chain[0] += 1
            chain[1] += dur
            stack.append([e["name"], ts + dur, 0.0, dur])
        for closed in stack:
            self_t[closed[0]] += closed[3] - closed[2]
    span = max(float(e["ts"]) + float(e["dur"]) for e in events) - min(float(e["ts"]) for e in events)
    return dict(top_n=top_n, top_t=top_t, all_n=all_n, self_t=self_t, span=span, covered=covered, callers=callers)


def callers_table(name, side, data, steps):
    rows = sorted(data["callers"].get(name, {}).items(), key=lambda r: -r[1][1])
    print(f"\n{side}: where {name} is called (per step; enclosing operators, innermost first)")
    if not rows:
        print("   (never)")
    for chain, (n, us) in rows:
        print(f"{n / steps:8.1f} {us / steps / 1000:10.2f} ms  {chain}")


def table(title, java, torch, count_key, time_key, steps_j, steps_t, top):
    names = set(java[count_key]) | set(torch[count_key])
    rows = []
    for n in names:
        jn, tn = java[count_key][n] / steps_j, torch[count_key][n] / steps_t
        jt, tt = java[time_key][n] / steps_j / 1000, torch[time_key][n] / steps_t / 1000
        rows.append((n, jn, tn, jt, tt))
    rows.sort(key=lambda r: -abs(r[3] - r[4]))
    print(f"\n{title} (per step; sorted by |java ms - pytorch ms|)")
    print(f"{'java n':>8} {'torch n':>8} {'java ms':>10} {'torch ms':>10} {'diff ms':>9}  op")
    for n, jn, tn, jt, tt in rows[:top]:
        print(f"{jn:8.1f} {tn:8.1f} {jt:10.2f} {tt:10.2f} {jt - tt:+9.2f}  {n}")
    count_only = sorted(((n, java[count_key][n] / steps_j, torch[count_key][n] / steps_t) for n in names
                         if java[count_key][n] / steps_j != torch[count_key][n] / steps_t),
                        key=lambda r: -abs(r[1] - r[2]))
    print(f"\n{title}: call counts that differ (per step; largest difference first)")
    print(f"{'java n':>8} {'torch n':>8}  op")
    for n, jn, tn in count_only[:top]:
        print(f"{jn:8.1f} {tn:8.1f}  {n}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("java")
    p.add_argument("pytorch")
    p.add_argument("--steps", type=int, required=True, help="profiled steps in each trace")
    p.add_argument("--torch-steps", type=int, help="profiled steps of the PyTorch trace if not --steps")
    p.add_argument("--top", type=int, default=25, help="rows per table")
    p.add_argument("--callers", action="append", default=[], metavar="OP",
                   help="also list the enclosing operators of every call of OP on both sides (repeatable), "
                   "e.g. aten::copy_ to find where copies come from")
    a = p.parse_args()
    sj, st = a.steps, a.torch_steps or a.steps
    java, torch = analyse(load(a.java)), analyse(load(a.pytorch))
    print(f"java: {a.java}\npytorch: {a.pytorch}\nprofiled steps: java {sj}, pytorch {st}")
    print(f"\n{'per step':<40} {'java':>12} {'pytorch':>12}")
    for label, f in [
        ("top-level operator calls", lambda d, s: f"{sum(d['top_n'].values()) / s:12.1f}"),
        ("all operator calls", lambda d, s: f"{sum(d['all_n'].values()) / s:12.1f}"),
        ("trace span ms", lambda d, s: f"{d['span'] / s / 1000:12.1f}"),
        ("time in top-level operators ms", lambda d, s: f"{d['covered'] / s / 1000:12.1f}"),
        ("gap (outside libtorch) ms", lambda d, s: f"{(d['span'] - d['covered']) / s / 1000:12.1f}"),
    ]:
        print(f"{label:<40} {f(java, sj)} {f(torch, st)}")
    table("top-level operators", java, torch, "top_n", "top_t", sj, st, a.top)
    table("all operators, self time", java, torch, "all_n", "self_t", sj, st, a.top)
    for op in a.callers:
        callers_table(op, "java", java, sj)
        callers_table(op, "pytorch", torch, st)


if __name__ == "__main__":
    main()
