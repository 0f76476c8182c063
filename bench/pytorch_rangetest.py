"""PyTorch side of the speed comparison: the same range test as LrFinder.Run, driven over stdin/stdout.

The C# benchmark starts this once and sends one JSON command per line, so the two sides run interleaved in one
run: {"cmd": "setup", "widths": [...], "rows": N, "batch": B, "steps": S, "min_lr": a, "max_lr": b,
"weight_decay": w}, {"cmd": "threads", "n": 1}, {"cmd": "run"} (answers {"ms": ..., "steps": ...}),
{"cmd": "quit"}. The range test mirrors ours: snapshot the model, fresh AdamW, exponential ladder, per step
set the LR, next batch of a seeded shuffle, forward, cross-entropy, read the loss, backward, step, EMA and
divergence check; then restore the model.
"""
import copy
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def build_mlp(widths):
    layers = []
    for i in range(len(widths) - 1):
        if i > 0:
            layers.append(nn.ReLU())
        layers.append(nn.Linear(widths[i], widths[i + 1]))
    return nn.Sequential(*layers)


class Workload:
    def __init__(self, spec, seed=7):
        torch.manual_seed(seed)
        self.spec = spec
        self.model = build_mlp(spec["widths"])
        generator = torch.Generator().manual_seed(seed + 1000)
        self.x = torch.randn(spec["rows"], spec["widths"][0], generator=generator)
        self.y = torch.randint(0, spec["widths"][-1], (spec["rows"],), generator=generator)
        steps, lo, hi = spec["steps"], spec["min_lr"], spec["max_lr"]
        self.ladder = [lo * (hi / lo) ** (k / (steps - 1)) for k in range(steps)]
        self.seed = seed

    def range_test(self, beta=0.98, divergence=math.inf):
        start = time.perf_counter()
        snapshot = copy.deepcopy(self.model.state_dict())
        optimizer = torch.optim.AdamW(self.model.parameters(), lr=self.ladder[0], weight_decay=self.spec["weight_decay"])
        order = torch.Generator().manual_seed(self.seed)
        rows, batch = self.spec["rows"], self.spec["batch"]
        permutation, position = None, rows
        losses, smooth, best = [], 0.0, math.inf
        self.model.train()
        try:
            for step, lr in enumerate(self.ladder):
                if position + batch > rows:
                    permutation, position = torch.randperm(rows, generator=order), 0
                for group in optimizer.param_groups:
                    group["lr"] = lr
                index = permutation[position:position + batch]
                position += batch
                optimizer.zero_grad()
                loss = F.cross_entropy(self.model(self.x[index]), self.y[index])
                value = loss.item()
                loss.backward()
                optimizer.step()
                losses.append(value)
                smooth = beta * smooth + (1 - beta) * value
                smoothed = smooth / (1 - beta ** (step + 1))
                best = min(best, smoothed)
                if not math.isfinite(value) or smoothed > divergence * best:
                    break
        finally:
            self.model.load_state_dict(snapshot)
        return (time.perf_counter() - start) * 1000, losses


def main():
    workload = None
    for line in sys.stdin:
        command = json.loads(line)
        name = command["cmd"]
        if name == "setup":
            workload = Workload(command)
            reply = {"ok": True, "torch": torch.__version__}
        elif name == "threads":
            torch.set_num_threads(command["n"])
            reply = {"ok": True, "threads": torch.get_num_threads()}
        elif name == "run":
            ms, losses = workload.range_test()
            reply = {"ms": ms, "steps": len(losses), "first_loss": losses[0]}
        elif name == "quit":
            break
        else:
            reply = {"error": f"unknown command {name}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
