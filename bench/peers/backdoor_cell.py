"""
One cell of the BadNets grid (bench/suite/backdoor-grid.bench.ts) as a PyTorch user runs it, one
process per cell, the way BackdoorBench and BackdoorBox are driven: load MNIST from its IDX files,
draw a stratified subset, poison it, train the BadNets CNN, apply the defense, evaluate.
Nothing is shared between cells: a cell with a defense that retrains trains twice.

The settings follow Hemlock's grid: all-to-one to label 0, poisons replacing round(rate x n)
training images chosen with the cell's seed; badnets stamps a 5x5 white patch in the bottom-right
corner, blended mixes a fixed uniform-noise image in at alpha 0.2. The CNN is Hemlock's
badnets-cnn (torch_peer.model), trained with SGD (lr 0.05, momentum 0.9, batch 128). Defenses:
  none                  the poisoned model
  perfect-filter        retrain on the training set without the poisons (the oracle)
  spectral-signatures   per label, remove the 1.5 x rate x n_label examples with the largest
                        squared projection of their centred penultimate activations on the top
                        singular vector (Tran et al. 2018), then retrain
  strip                 STRIP (Gao et al. 2019): mean prediction entropy over superimposed clean
                        held-out images; threshold at the held-out images' 1 - frr quantile
                        (frr 0.05); reports the share of clean and triggered test inputs flagged

  /usr/bin/python3 backdoor_cell.py --data DIR --attack A --rate R --defense D --seed S \
      [--subset 10000] [--test-subset 2000] [--epochs 3] [--holdout 200] [--overlays 20]
prints one JSON line: cleanAccuracy, attackSuccessRate (and for strip the shares flagged).
"""
import argparse
import gzip
import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

from torch_peer import model as build_model  # noqa: E402

torch.set_num_threads(1)
TARGET = 0
BATCH = 128


def read_idx(path, offset):
    with gzip.open(path) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load_mnist(data_dir):
    d = os.path.join(data_dir, "mnist")
    x = read_idx(os.path.join(d, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 1, 28, 28)
    y = read_idx(os.path.join(d, "train-labels-idx1-ubyte.gz"), 8)
    tx = read_idx(os.path.join(d, "t10k-images-idx3-ubyte.gz"), 16).reshape(-1, 1, 28, 28)
    ty = read_idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz"), 8)
    return (x.astype(np.float32) / 255, y.astype(np.int64)), (tx.astype(np.float32) / 255, ty.astype(np.int64))


def stratified(labels, size, rng):
    """size indices, each label in proportion to its share."""
    picks = []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        picks.extend(rng.choice(idx, int(round(size * len(idx) / len(labels))), replace=False))
    return np.array(sorted(picks[:size]))


NOISE = np.random.default_rng(0).random((1, 28, 28), dtype=np.float32)


def trigger(x, attack):
    out = x.copy()
    if attack == "badnets":
        out[..., -5:, -5:] = 1.0
    else:
        out = 0.8 * out + 0.2 * NOISE
    return out


def train(x, y, epochs, seed):
    torch.manual_seed(seed)
    m = build_model("badnets-cnn")
    opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    g = torch.Generator().manual_seed(seed)
    m.train()
    for _ in range(epochs):
        order = torch.randperm(len(yt), generator=g)
        for i in range(0, len(order), BATCH):
            b = order[i : i + BATCH]
            opt.zero_grad()
            loss_fn(m(xt[b]), yt[b]).backward()
            opt.step()
    m.eval()
    return m


@torch.no_grad()
def predict(m, x, features=False):
    net = m[:-1] if features else m
    return torch.cat([net(torch.from_numpy(x[i : i + 1000])) for i in range(0, len(x), 1000)])


def accuracy(m, x, y):
    return float((predict(m, x).argmax(1).numpy() == y).mean())


def spectral_keep(m, x, y, rate):
    keep = np.ones(len(y), dtype=bool)
    reps = predict(m, x, features=True).numpy()
    for c in np.unique(y):
        idx = np.flatnonzero(y == c)
        r = reps[idx] - reps[idx].mean(0)
        _, _, vt = np.linalg.svd(r, full_matrices=False)
        scores = (r @ vt[0]) ** 2
        k = min(len(idx), int(round(1.5 * rate * len(idx))))
        keep[idx[np.argsort(-scores)[:k]]] = False
    return keep


@torch.no_grad()
def strip_entropy(m, inputs, pool, overlays, rng):
    chosen = torch.from_numpy(pool[rng.permutation(len(pool))[:overlays]])
    out = np.empty(len(inputs), dtype=np.float32)
    for i in range(len(inputs)):
        p = torch.softmax(m(torch.clamp(chosen + torch.from_numpy(inputs[i : i + 1]), max=1.0)), 1)
        out[i] = float(-(p * torch.log(p + 1e-12)).sum(1).mean())
    return out


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--data", required=True)
    a.add_argument("--attack", choices=["badnets", "blended"], required=True)
    a.add_argument("--rate", type=float, required=True)
    a.add_argument("--defense", choices=["none", "perfect-filter", "spectral-signatures", "strip"], required=True)
    a.add_argument("--seed", type=int, required=True)
    a.add_argument("--subset", type=int, default=10000)
    a.add_argument("--test-subset", type=int, default=2000)
    a.add_argument("--epochs", type=int, default=3)
    a.add_argument("--holdout", type=int, default=200)
    a.add_argument("--overlays", type=int, default=20)
    args = a.parse_args()

    (x, y), (tx, ty) = load_mnist(args.data)
    rng = np.random.default_rng(0)
    train_idx = stratified(y, args.subset + args.holdout, rng)
    rng.shuffle(train_idx)
    hold_idx, train_idx = train_idx[: args.holdout], train_idx[args.holdout :]
    test_idx = stratified(ty, args.test_subset, rng)
    x_hold = x[hold_idx]
    x_tr, y_tr = x[train_idx].copy(), y[train_idx].copy()
    x_te, y_te = tx[test_idx], ty[test_idx]

    cell_rng = np.random.default_rng(args.seed)
    poisons = cell_rng.choice(len(y_tr), int(round(args.rate * len(y_tr))), replace=False)
    x_tr[poisons] = trigger(x_tr[poisons], args.attack)
    y_tr[poisons] = TARGET
    is_poison = np.zeros(len(y_tr), dtype=bool)
    is_poison[poisons] = True
    off_target = y_te != TARGET
    x_trig = trigger(x_te[off_target], args.attack)

    out = {"attack": args.attack, "rate": args.rate, "defense": args.defense, "seed": args.seed}
    if args.defense == "perfect-filter":
        m = train(x_tr[~is_poison], y_tr[~is_poison], args.epochs, args.seed)
    else:
        m = train(x_tr, y_tr, args.epochs, args.seed)
        if args.defense == "spectral-signatures":
            keep = spectral_keep(m, x_tr, y_tr, args.rate)
            out["removedPoisonRecall"] = float((~keep & is_poison).sum() / max(1, is_poison.sum()))
            m = train(x_tr[keep], y_tr[keep], args.epochs, args.seed)
    out["cleanAccuracy"] = accuracy(m, x_te, y_te)
    out["attackSuccessRate"] = float((predict(m, x_trig).argmax(1).numpy() == TARGET).mean())
    if args.defense == "strip":
        strip_rng = np.random.default_rng(args.seed)
        clean = strip_entropy(m, x_hold, x_hold, args.overlays, strip_rng)
        threshold = np.quantile(-clean, 0.95)
        flag = lambda inputs: float((-strip_entropy(m, inputs, x_hold, args.overlays, strip_rng) > threshold).mean())  # noqa: E731
        out["flaggedClean"] = flag(x_te)
        out["flaggedTriggered"] = flag(x_trig)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
