#!/usr/bin/env python3
"""numpy peer of the benchmark: the authors' teacher-forcing algorithm for lumped models (LP-PD, HH), written for speed.

Usage: python3 bench/numpy_tf.py PREFIX EPOCHS [THREADS] [--seed S] [--snapshots OUT --every K]

Reads the teacher-forcing regressors that `./rmm benchmark` exported to PREFIX.f32/.json (columns v, u, dv/dt
target, intrinsic filter states, synapse filter states), so every peer trains on identical features, and from the
header the model and the recipe. Model: an intrinsic lumped MLP (1+n_int)-h...-1 and, when the data has synapse
states, a synapse MLP (1+n_syn)-h...-1 (the header's hidden sizes; lp-pd: 10-10-10 and 10-10), tanh, no readout bias;
Ohmic leak softplus(g)·(v - E), E trained or fixed as the header says; softplus 1/C; leak and 1/C start where the
exporting network starts; inputs min-max normalised to [-1, 1]; Nguyen-Widrow-like init (seed S, default 1). Loss per
mini-batch: mean((1/C·(u - psi) - target)^2) + rho·sum ||W||^2 over the weight matrices. Adam (the header's learning
rate, betas and rho, eps 1e-8) on shuffled mini-batches of the header's size, last partial batch dropped, float32
throughout. With --snapshots, every K epochs the parameters are appended to OUT.f32 (float32, the layout of theta
below) and OUT.json lists their epochs and cumulative training seconds (the writing is not timed).

Speed: activations are feature-major (units x samples) with a row of ones appended, so each layer is one BLAS call
that also applies the bias and yields its gradient; a mini-batch is processed in cache-sized chunks (np.take into a
preallocated buffer, then forward and backward), each chunk writing its gradient into its own row, summed for the
step; every matmul and elementwise op writes into preallocated arrays; Adam runs once over one flat parameter vector.
BLAS threads come from OMP/OPENBLAS/MKL_NUM_THREADS (set here to THREADS when unset).
Prints one line: 'numpy: RATE sample-epochs/s (E epochs, S samples, T s, threads K, version V, final epoch loss L)',
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

F32 = np.float32
CHUNK = 4_800                                                                    # samples per cache-sized chunk
EPS = 1e-8


def nguyen_widrow(sizes, rng):
    """Layer matrices (n_out, n_in + 1), the bias as last column (the readout: no bias), as in the authors' init:
    rows of unit norm scaled by 0.7·n_out^(1/n_in), doubled on hidden layers, biases spread over [-1, 1]."""
    mats = []
    for l in range(len(sizes) - 1):
        n_in, n_out = sizes[l], sizes[l + 1]
        w = rng.uniform(-1, 1, (n_out, n_in))
        w /= np.linalg.norm(w, axis=1, keepdims=True)
        scale = 0.7 * n_out ** (1.0 / n_in)
        hidden = l < len(sizes) - 2
        mats.append(scale * (2 * np.column_stack([w, np.linspace(-1, 1, n_out)]) if hidden else w))
    return mats


def load(prefix):
    """One sample-major table so a chunk is one row gather: [z_int, 1, z_syn, 1, v, u, target], z min-max normalised."""
    meta = json.load(open(prefix + ".json"))
    raw = np.fromfile(prefix + ".f32", dtype="<f4").reshape(meta["rows"], meta["width"])
    n_int, n_syn = meta["intrinsic_states"], meta.get("synapse_states", 0)
    v = raw[:, 0:1]
    z = np.concatenate([v, raw[:, 3:3 + n_int], v, raw[:, 3 + n_int:3 + n_int + n_syn]], axis=1)
    lo, hi = z.min(axis=0), z.max(axis=0)
    varies = hi - lo > 1e-12                                # a constant column is centred at unit scale, as the Java side does
    span = np.where(varies, hi - lo, 1.0)
    scale = np.where(varies, 2.0 / span, 1.0)
    offset = np.where(varies, -1.0 - 2.0 * lo / span, -lo)
    z = z * scale.astype(F32) + offset.astype(F32)
    one = np.ones((len(z), 1), F32)
    table = np.concatenate([z[:, :1 + n_int], one, z[:, 1 + n_int:], one, raw[:, 0:3]], axis=1)
    return np.ascontiguousarray(table, dtype=F32), 1 + n_int, 1 + n_syn, meta


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    prefix, epochs = sys.argv[1], int(sys.argv[2])
    seed, snapshots, every = int(option("--seed", 1)), option("--snapshots", None), int(option("--every", 5))
    table, ni, ns, meta = load(prefix)
    recipe, leak = meta["recipe"], meta["leak"]
    LR, B1, B2, RHO = recipe["learning_rate"], recipe["beta1"], recipe["beta2"], recipe["l2"]
    h_int, h_syn = meta["intrinsic_hidden"], meta.get("synapse_hidden", [])
    has_syn = ns > 1
    n = len(table)
    batch = min(recipe["batch_size"] // CHUNK * CHUNK or CHUNK, n // CHUNK * CHUNK)
    if batch != recipe["batch_size"]:
        print(f"numpy peer: mini-batches of {batch} (whole chunks of {CHUNK}, at most the data) instead of {recipe['batch_size']}", file=sys.stderr)
    chunks = batch // CHUNK

    # All parameters in one flat vector; each chunk has a gradient row of the same layout.
    rng = np.random.default_rng(seed)
    mats = nguyen_widrow([ni] + h_int + [1], rng) + (nguyen_widrow([ns] + h_syn + [1], rng) if has_syn else [])
    extra = [leak["g_raw"], leak["e"], meta["inverse_capacitance_raw"]]           # leak g (raw), leak E, 1/C (raw)
    train_e = 1.0 if leak["train_e"] else 0.0
    theta = np.concatenate([m.ravel() for m in mats] + [extra]).astype(F32)
    bounds = np.cumsum([0] + [m.size for m in mats])
    views = lambda vec: [vec[a:b].reshape(m.shape) for a, b, m in zip(bounds, bounds[1:], mats)]
    l2 = np.zeros_like(theta)                                                     # 1 on weights, 0 on biases
    for w in views(l2):
        w[:, :w.shape[1] - (len(w) > 1)] = 1
    W, n_int_layers = views(theta), len(h_int) + 1
    grads = np.zeros((chunks, theta.size), F32)
    grad_views = [views(row) for row in grads]
    chunk_sse = np.zeros(chunks)
    grad, adam_m, adam_s, tmp = (np.zeros_like(theta) for _ in range(4))
    cols_zi, cols_zs, col_v = slice(0, ni + 1), slice(ni + 1, ni + ns + 2), ni + ns + 2

    xb = np.empty((CHUNK, table.shape[1]), F32)                                  # the gathered chunk
    zi, zs, vb, ub, tb = xb[:, cols_zi], xb[:, cols_zs], xb[:, col_v], xb[:, col_v + 1], xb[:, col_v + 2]
    acts_int = [np.ones((h + 1, CHUNK), F32) for h in h_int]                      # last row stays 1 (bias input)
    acts_syn = [np.ones((h + 1, CHUNK), F32) for h in h_syn]
    deltas_int = [np.empty((h, CHUNK), F32) for h in h_int]
    deltas_syn = [np.empty((h, CHUNK), F32) for h in h_syn]
    y_int, y_syn = np.empty((1, CHUNK), F32), np.zeros((1, CHUNK), F32)
    vme, drive, err = (np.empty(CHUNK, F32) for _ in range(3))

    def forward(Ws, acts, z, out):
        for w, a_in, a in zip(Ws, [z.T] + acts, acts):
            h = len(a) - 1
            np.matmul(w, a_in, out=a[:h])
            np.tanh(a[:h], out=a[:h])
        np.matmul(Ws[-1], acts[-1][:-1], out=out)

    def backward(Ws, Gs, acts, z, d_out, deltas):
        np.matmul(d_out, acts[-1][:-1].T, out=Gs[-1])
        delta = deltas[-1]
        np.multiply(Ws[-1].T, d_out, out=delta)
        for l in range(len(acts) - 1, -1, -1):
            a = acts[l][:-1]
            np.multiply(a, a, out=a)                        # delta *= 1 - a^2, overwriting a (no longer needed)
            np.multiply(delta, a, out=a)
            np.subtract(delta, a, out=delta)
            np.matmul(delta, acts[l - 1].T if l else z, out=Gs[l])
            if l:
                np.matmul(Ws[l][:, :-1].T, delta, out=deltas[l - 1])
                delta = deltas[l - 1]

    def minibatch(rows, e_leak, gl, cinv):
        """Sum of squared errors and gradient rows of one mini-batch, chunk by chunk, into chunk_sse and grads."""
        for c in range(chunks):
            np.take(table, rows[c * CHUNK:(c + 1) * CHUNK], axis=0, out=xb)
            forward(W[:n_int_layers], acts_int, zi, y_int)
            if has_syn:
                forward(W[n_int_layers:], acts_syn, zs, y_syn)
            np.subtract(vb, e_leak, out=vme)
            np.multiply(vme, gl, out=drive)
            np.add(drive, y_int[0], out=drive)
            np.add(drive, y_syn[0], out=drive)                                     # psi
            np.subtract(ub, drive, out=drive)                                      # drive = u - psi
            np.multiply(drive, cinv, out=err)
            np.subtract(err, tb, out=err)
            chunk_sse[c] = np.dot(err, err)
            d_psi = y_int                                                          # reuses y_int's buffer
            np.multiply(err, -2.0 * cinv / batch, out=d_psi[0])                   # dLoss/dpsi
            Gc = grad_views[c]
            backward(W[:n_int_layers], Gc[:n_int_layers], acts_int, zi, d_psi, deltas_int)
            if has_syn:
                backward(W[n_int_layers:], Gc[n_int_layers:], acts_syn, zs, d_psi, deltas_syn)
            grads[c, -3:] = np.dot(d_psi[0], vme), d_psi.sum(), np.dot(err, drive)  # chain rule finished per step

    sigmoid = lambda x: 1.0 / (1.0 + np.exp(-x))
    t_step = 0
    t0 = time.perf_counter()
    ends, snap_epochs, snap_seconds, untimed = [], [], [], 0.0
    snap_file = open(snapshots + ".f32", "wb") if snapshots else None
    for epoch in range(epochs):
        order = rng.permutation(n)
        losses = []
        for start in range(0, n - batch + 1, batch):
            g_raw, e_leak, c_raw = theta[-3:]
            gl, cinv = np.logaddexp(0, g_raw), np.logaddexp(0, c_raw)               # softplus
            minibatch(order[start:start + batch], e_leak, gl, cinv)
            np.sum(grads, axis=0, out=grad)
            grad[-3:] *= (sigmoid(g_raw), -gl * train_e, 2.0 / batch * sigmoid(c_raw))
            np.multiply(theta, l2, out=tmp)                                        # the weights, biases zeroed
            losses.append(chunk_sse.sum() / batch + RHO * np.dot(tmp, tmp))
            tmp *= 2 * RHO
            grad += tmp                                                            # L2 on the weights
            t_step += 1                                                            # Adam over theta
            adam_m *= B1
            np.multiply(grad, 1 - B1, out=tmp)
            adam_m += tmp
            adam_s *= B2
            np.multiply(grad, grad, out=tmp)
            tmp *= 1 - B2
            adam_s += tmp
            np.sqrt(adam_s, out=tmp)
            tmp *= 1 / np.sqrt(1 - B2 ** t_step)
            tmp += EPS
            np.divide(adam_m, tmp, out=tmp)
            tmp *= LR / (1 - B1 ** t_step)
            theta -= tmp
        ends.append(time.perf_counter() - untimed)
        if snap_file and (epoch + 1) % every == 0:
            w0 = time.perf_counter()
            theta.astype("<f4").tofile(snap_file)
            snap_epochs.append(epoch + 1)
            snap_seconds.append(ends[-1] - t0)
            untimed += time.perf_counter() - w0
    if snap_file:
        snap_file.close()
        with open(snapshots + ".json", "w") as f:
            json.dump({"parameters": int(theta.size), "epochs": snap_epochs, "seconds": snap_seconds}, f)
    seconds = ends[-1] - t0
    print(f"numpy: {n / epoch_seconds(t0, ends):.0f} sample-epochs/s ({epochs} epochs, {n} samples, {seconds:.1f} s, "
          f"threads {THREADS}, version {np.__version__}, final epoch loss {float(np.mean(losses)):.6g})")



def epoch_seconds(t0, ends):
    """The median epoch after the first (which warms caches and allocators up), as the Java side measures; one epoch: itself."""
    times = sorted(b - a for a, b in zip([t0] + ends[:-1], ends))[1:] or [ends[0] - t0]
    return times[len(times) // 2]


if __name__ == "__main__":
    main()
