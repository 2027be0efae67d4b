#!/usr/bin/env python3
"""PyTorch peer of the benchmark: the authors' teacher-forcing algorithm for the LP-PD model, written as a PyTorch
user would (nn.Linear layers, autograd, torch.optim.Adam), same model and algorithm as bench/numpy_tf.py.

Usage: python3 bench/torch_tf.py PREFIX EPOCHS [THREADS]

Reads the teacher-forcing regressors that `./rmm benchmark` exported to PREFIX.f32/.json (columns v, u, dv/dt
target, intrinsic filter states, synapse filter states), and from the header the model and the recipe. Model: an
intrinsic lumped MLP (1+n_int)-h...-1 and a PD->LP synapse MLP (1+n_syn)-h...-1 (the header's hidden sizes; lp-pd:
10-10-10 and 10-10), tanh, no readout bias; Ohmic leak softplus(g)·(v - E); softplus 1/C; leak and 1/C start where
the exporting network starts; inputs min-max normalised to [-1, 1]; Nguyen-Widrow-like init (seed 1). Loss per
mini-batch: mean((1/C·(u - psi) - target)^2) + rho·sum ||W||^2 over the weight matrices. Adam (the header's learning
rate, betas and rho, eps 1e-8) on shuffled mini-batches of the header's size (index_select on a permutation), last
partial batch dropped, float32. Needs synapse states (the lp-pd benchmark case). Only the training loop
is timed. Threads: torch.set_num_threads(THREADS); the BLAS underneath reads OMP/OPENBLAS/MKL_NUM_THREADS (set here to
THREADS when unset).
Prints one line: 'torch: RATE sample-epochs/s (E epochs, S samples, T s, threads K, version V, final epoch loss L)',
RATE being the rows over the median epoch after the first, as the Java benchmark measures itself.
"""
import json
import os
import sys
import time

THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count()
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, str(THREADS))
import numpy as np  # noqa: E402  (after the thread variables)
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402


class Mlp(nn.Module):
    """n_in -> hidden (tanh) ... -> 1, no readout bias, Nguyen-Widrow-like init as in the authors' code."""

    def __init__(self, n_in, hidden):
        super().__init__()
        sizes = [n_in] + list(hidden)
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.readout = nn.Linear(sizes[-1], 1, bias=False)
        with torch.no_grad():
            for layer in list(self.hidden) + [self.readout]:
                n_out, n_in_ = layer.weight.shape
                w = torch.rand(n_out, n_in_) * 2 - 1
                scale = 0.7 * n_out ** (1.0 / n_in_) * (2.0 if layer.bias is not None else 1.0)
                layer.weight.copy_(scale * w / w.norm(dim=1, keepdim=True))
                if layer.bias is not None:
                    layer.bias.copy_(scale * torch.linspace(-1, 1, n_out))

    def forward(self, z):
        for layer in self.hidden:
            z = torch.tanh(layer(z))
        return self.readout(z).squeeze(1)


class LpPd(nn.Module):
    """dv/dt = 1/C · (u - psi), psi = intrinsic(v, x_int) + synapse(v, x_syn) + g·(v - E)."""

    def __init__(self, n_int, n_syn, meta):
        super().__init__()
        self.intrinsic, self.synapse = Mlp(1 + n_int, meta["intrinsic_hidden"]), Mlp(1 + n_syn, meta["synapse_hidden"])
        leak = meta["leak"]
        self.leak_g = nn.Parameter(torch.tensor(float(leak["g_raw"])))              # softplus -> g
        self.leak_e = nn.Parameter(torch.tensor(float(leak["e"])), requires_grad=bool(leak["train_e"]))
        self.cinv = nn.Parameter(torch.tensor(float(meta["inverse_capacitance_raw"])))   # softplus -> 1/C

    def forward(self, z_int, z_syn, v, u):
        psi = self.intrinsic(z_int) + self.synapse(z_syn) + F.softplus(self.leak_g) * (v - self.leak_e)
        return F.softplus(self.cinv) * (u - psi)

    def l2(self):
        return sum((m.weight ** 2).sum() for m in self.modules() if isinstance(m, nn.Linear))


def main():
    prefix, epochs = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(THREADS)
    torch.manual_seed(1)
    meta = json.load(open(prefix + ".json"))
    raw = torch.from_numpy(np.fromfile(prefix + ".f32", dtype="<f4").reshape(meta["rows"], meta["width"]))
    n_int, n_syn = meta["intrinsic_states"], meta["synapse_states"]
    v = raw[:, 0:1]
    z = torch.cat([v, raw[:, 3:3 + n_int], v, raw[:, 3 + n_int:3 + n_int + n_syn]], dim=1)
    lo, hi = z.amin(dim=0), z.amax(dim=0)
    span = torch.where(hi - lo > 1e-12, hi - lo, torch.ones_like(hi))
    data = torch.cat([2 * (z - lo) / span - 1, raw[:, 0:3]], dim=1).contiguous()  # [z_int, z_syn, v, u, target]
    del raw, z
    n, ni, ns = len(data), 1 + n_int, 1 + n_syn

    model = LpPd(n_int, n_syn, meta)
    recipe = meta["recipe"]
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=recipe["learning_rate"],
                           betas=(recipe["beta1"], recipe["beta2"]), eps=1e-8)
    RHO = recipe["l2"]
    batch = min(recipe["batch_size"], n)
    t0 = time.perf_counter()
    ends = []
    for epoch in range(epochs):
        perm = torch.randperm(n)
        losses = []
        for start in range(0, n - batch + 1, batch):
            xb = data.index_select(0, perm[start:start + batch])
            pred = model(xb[:, :ni], xb[:, ni:ni + ns], xb[:, ni + ns], xb[:, ni + ns + 1])
            loss = F.mse_loss(pred, xb[:, ni + ns + 2]) + RHO * model.l2()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        ends.append(time.perf_counter())
    seconds = ends[-1] - t0
    print(f"torch: {n / epoch_seconds(t0, ends):.0f} sample-epochs/s ({epochs} epochs, {n} samples, {seconds:.1f} s, "
          f"threads {THREADS}, version {torch.__version__}, final epoch loss {sum(losses) / len(losses):.6g})")



def epoch_seconds(t0, ends):
    """The median epoch after the first (which warms caches and allocators up), as the Java side measures; one epoch: itself."""
    times = sorted(b - a for a, b in zip([t0] + ends[:-1], ends))[1:] or [ends[0] - t0]
    return times[len(times) // 2]


if __name__ == "__main__":
    main()
