#!/usr/bin/env python3
"""How far a grid search at a shorter budget gets, compared with the suggestion rules.

Reads two raw files of `bench/run.sh quality` that share tasks, seeds and grid but differ in --train-steps (for
example bench/recorded/quality-300steps.json.gz and quality-100steps.json.gz). For every (task, seed) in both it
takes the grid LR that was best at the SHORT budget and looks up its loss at the LONG budget: what a user gets who
grid-searches with short trainings (one training per grid point, 19 points) and then trains for the long budget.
Its regret against the long budget's oracle is an upper bound on what any rule that reads a short experiment (a
range test of 100 steps is far shorter and sees one training, not 19) can expect. Prints the median regret per
target-noise regime, next to each rule's.

usage: bench/short_budget_search.py LONG.json[.gz] SHORT.json[.gz]
"""
import gzip
import json
import statistics
import sys


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return {(r["Task"], r["Seed"]): r for r in json.load(f)}


def main(long_path, short_path):
    long_runs, short_runs = load(long_path), load(short_path)
    shared = [key for key in long_runs if key in short_runs]
    if not shared:
        sys.exit("The two files share no (task, seed).")
    rules = [p["Rule"] for p in long_runs[shared[0]]["Picks"]]
    regimes = {}
    for key in shared:
        long_run, short_run = long_runs[key], short_runs[key]
        if long_run["GridLrs"] != short_run["GridLrs"]:
            sys.exit(f"{key}: the two runs used different grids.")
        losses = long_run["GridLosses"]
        oracle = min(losses)
        short_best = short_run["GridLosses"].index(min(short_run["GridLosses"]))
        row = {"short-budget grid search": losses[short_best] / oracle - 1}
        row.update({p["Rule"]: p["Regret"] for p in long_run["Picks"]})
        regimes.setdefault(long_run["TargetNoise"], []).append(row)

    print(f"Long budget: {long_path}; short budget: {short_path}; {len(shared)} task-seeds in both.")
    print()
    columns = sorted(regimes)
    print("| median regret at the long budget | " + " | ".join(
        f"{'as built' if n == 0 else f'{n * 100:.0f}% noise'} ({len(regimes[n])})" for n in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name in ["short-budget grid search"] + rules:
        cells = [statistics.median(row[name] for row in regimes[n]) for n in columns]
        print(f"| {name} | " + " | ".join(f"{c * 100:.1f}%" for c in cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
