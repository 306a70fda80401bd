"""
One tiny cell as a PyTorch user runs it, one process per cell (as BackdoorBench and BackdoorBox
are driven): load UCI breast cancer (scikit-learn's CSV), split 75/25 stratified with a fixed
seed, standardize with the training split's statistics, flip the labels of round(rate x N) training
examples chosen with the cell's seed, train logistic regression (the grid's settings: SGD, lr 0.01,
momentum 0.9, batch 128, 10 epochs; Glorot-uniform weights) and measure test accuracy.

  /usr/bin/python3 tiny_cell.py --data DIR --rate R --seed S    prints {"accuracy": ...}
"""
import argparse
import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

torch.set_num_threads(1)


def load(data_dir):
    path = os.path.join(data_dir, "sklearn", "data", "breast_cancer.csv")
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    return table[:, :-1].astype(np.float32), table[:, -1].astype(np.int64)


def stratified_split(labels, test_fraction, seed):
    rng = np.random.default_rng(seed)
    train, test = [], []
    for c in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == c))
        k = int(round(test_fraction * len(idx)))
        test.extend(idx[:k])
        train.extend(idx[k:])
    return np.array(sorted(train)), np.array(sorted(test))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args()
    x, y = load(args.data)
    train, test = stratified_split(y, 0.25, 0)
    mean, std = x[train].mean(0), x[train].std(0) + 1e-12
    x = (x - mean) / std
    xt, yt = x[train], y[train].copy()
    rng = np.random.default_rng(args.seed)
    flipped = rng.choice(len(yt), int(round(args.rate * len(yt))), replace=False)
    yt[flipped] = 1 - yt[flipped]
    torch.manual_seed(args.seed)
    model = nn.Linear(30, 2)
    nn.init.xavier_uniform_(model.weight)
    nn.init.zeros_(model.bias)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(xt), torch.from_numpy(yt)
    for _ in range(10):
        order = torch.randperm(len(yt))
        for i in range(0, len(yt), 128):
            batch = order[i : i + 128]
            opt.zero_grad()
            loss_fn(model(xt[batch]), yt[batch]).backward()
            opt.step()
    with torch.no_grad():
        predicted = model(torch.from_numpy(x[test])).argmax(1).numpy()
    print(json.dumps({"rate": args.rate, "seed": args.seed, "accuracy": float((predicted == y[test]).mean())}))


if __name__ == "__main__":
    main()
