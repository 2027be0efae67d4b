#!/usr/bin/env python3
"""Baseline for the project's benchmark: the authors' teacher-forcing algorithm for the LP-PD model in numpy.

Reads the teacher-forcing regressors that `./rmm benchmark` exported (so both implementations train on identical
features), builds the authors' LP-PD architecture (intrinsic lumped MLP 37-10-10-10-1 tanh without readout bias,
PD->LP synapse 17-10-10-1, Ohmic leak, softplus 1/C), min-max normalisation, L2 on the weights, and runs Adam
(lr 3e-3, betas 0.9/0.9) on shuffled mini-batches of 38,400 samples in float32, as the authors' Flux code does.
Prints one line: 'numpy: N sample-epochs/s (E epochs, S samples, T s)'.
"""
import json
import sys
import time

import numpy as np


def load(prefix):
    meta = json.load(open(prefix + ".json"))
    data = np.fromfile(prefix + ".f32", dtype="<f4").reshape(meta["rows"], meta["width"])
    return meta, data


def minmax(a):
    lo, hi = a.min(axis=0), a.max(axis=0)
    span = np.where(hi - lo > 1e-12, hi - lo, 1.0)
    return (2.0 / span).astype(np.float32), (-1.0 - 2.0 * lo / span).astype(np.float32)


def init_mlp(sizes, rng):
    layers = []
    for l in range(len(sizes) - 1):
        n_in, n_out = sizes[l], sizes[l + 1]
        w = rng.uniform(-1, 1, (n_out, n_in))
        w /= np.linalg.norm(w, axis=1, keepdims=True)
        m = 0.7 * n_out ** (1.0 / n_in)
        rng_ = 2.0 if l < len(sizes) - 2 else 1.0
        b = np.linspace(-1, 1, n_out) if n_out > 1 else np.zeros(1)
        layers.append([(rng_ * m * w).astype(np.float32), (rng_ * m * b).astype(np.float32)])
    return layers


def mlp_forward(layers, z):
    """z: (batch, inputs), sample-major, so mini-batches are contiguous row gathers."""
    acts = [z]
    for l, (w, b) in enumerate(layers):
        a = acts[-1] @ w.T
        if l < len(layers) - 1:
            a += b
            np.tanh(a, out=a)
        acts.append(a)
    return acts


def mlp_backward(layers, acts, d_out):
    grads = []
    d = d_out
    for l in range(len(layers) - 1, -1, -1):
        w, b = layers[l]
        if l < len(layers) - 1:
            d = d * (1.0 - acts[l + 1] * acts[l + 1])
            gb = d.sum(axis=0)
        else:
            gb = np.zeros_like(b)     # no readout bias
        gw = d.T @ acts[l]
        grads.append([gw, gb])
        if l > 0:
            d = d @ w
    return grads[::-1]


def softplus(x):
    return np.log1p(np.exp(x))


def main():
    prefix, epochs = sys.argv[1], int(sys.argv[2])
    meta, data = load(prefix)
    n_int, n_syn = meta["intrinsic_states"], meta["synapse_states"]
    v, u, target = data[:, 0], data[:, 1], data[:, 2]
    x_int = data[:, 3:3 + n_int]
    x_syn = data[:, 3 + n_int:3 + n_int + n_syn]
    z_int_all = np.concatenate([v[:, None], x_int], axis=1)
    z_syn_all = np.concatenate([v[:, None], x_syn], axis=1)
    a_i, b_i = minmax(z_int_all)
    a_s, b_s = minmax(z_syn_all)
    z_int_all = np.ascontiguousarray(z_int_all * a_i + b_i, dtype=np.float32)
    z_syn_all = np.ascontiguousarray(z_syn_all * a_s + b_s, dtype=np.float32)
    rng = np.random.default_rng(1)
    intrinsic = init_mlp([1 + n_int, 10, 10, 10, 1], rng)
    synapse = init_mlp([1 + n_syn, 10, 10, 1], rng)
    leak = np.array([np.log(np.expm1(0.3)), -50.0], dtype=np.float32)
    cinv_raw = np.array([np.log(np.expm1(1.0))], dtype=np.float32)
    params = [p for layer in intrinsic + synapse for p in layer] + [leak, cinv_raw]
    m = [np.zeros_like(p) for p in params]
    s = [np.zeros_like(p) for p in params]
    lr, b1, b2, eps, rho = 3e-3, 0.9, 0.9, 1e-8, 1.5e-3
    n = v.shape[0]
    batch = min(38_400, n)
    t_step = 0
    t0 = time.perf_counter()
    for epoch in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n - batch + 1, batch):
            idx = order[start:start + batch]
            zi, zs = z_int_all[idx], z_syn_all[idx]
            vb, ub, tb = v[idx], u[idx], target[idx]
            ai, as_ = mlp_forward(intrinsic, zi), mlp_forward(synapse, zs)
            gl = softplus(leak[0])
            psi = ai[-1][:, 0] + as_[-1][:, 0] + gl * (vb - leak[1])
            cinv = softplus(cinv_raw[0])
            drive = ub - psi
            err = cinv * drive - tb
            g = 2.0 * err / batch
            d_psi = (-cinv * g)[:, None].astype(np.float32)
            gi, gs = mlp_backward(intrinsic, ai, d_psi), mlp_backward(synapse, as_, d_psi)
            sig = lambda x: 1.0 / (1.0 + np.exp(-x))
            g_leak = np.array([(d_psi[:, 0] * (vb - leak[1])).sum() * sig(leak[0]), -(d_psi[:, 0].sum()) * gl], dtype=np.float32)
            g_cinv = np.array([(g * drive).sum() * sig(cinv_raw[0])], dtype=np.float32)
            grads = [gp for layer in gi + gs for gp in layer] + [g_leak, g_cinv]
            for k, layer in enumerate(intrinsic + synapse):     # L2 on the weights
                grads[2 * k] = grads[2 * k] + 2 * rho * layer[0]
            t_step += 1
            for p, gp, mm, ss in zip(params, grads, m, s):
                mm *= b1; mm += (1 - b1) * gp
                ss *= b2; ss += (1 - b2) * gp * gp
                p -= lr * (mm / (1 - b1 ** t_step)) / (np.sqrt(ss / (1 - b2 ** t_step)) + eps)
    seconds = time.perf_counter() - t0
    print(f"numpy: {n * epochs / seconds:.0f} sample-epochs/s ({epochs} epochs, {n} samples, {seconds:.1f} s, last loss {float((err ** 2).mean()):.4g})")


if __name__ == "__main__":
    main()
