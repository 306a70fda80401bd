"""
The PyTorch peer of Hemlock's benchmarks (bench/suite): the same computations, timed the same way,
on the CPU with one thread (torch.set_num_threads(1)), so a ratio is per core.

  gemm  --reps N                       times a 128x784 @ 784x256 float32 product (the MLP's first
                                       layer at batch 128): prints the median GFLOP/s of N reps
  train --model M --steps N [--data D] times N SGD steps (momentum 0.9, lr 0.01, batch 128) of one
                                       of Hemlock's models, rebuilt here layer for layer, on MNIST
                                       training images from D (the IDX files) or uniform noise

Each call prints one JSON line, with the BLAS library it loaded. Run it with Debian's interpreter,
/usr/bin/python3, which has python3-torch (another python3 without torch may come first on PATH),
and with OpenBLAS installed (apt-get install libopenblas0-pthread): Debian's torch is built with a
generic BLAS, and without OpenBLAS the reference one is selected, 100x slower (0.9 against 91
GFLOP/s for the product above, measured here on 2026-12-07).
"""
import argparse
import gzip
import json
import os
import statistics
import time

# One thread for the BLAS under PyTorch too: OpenBLAS reads this when it loads, so it must be set
# before torch is imported (the suite sets it in the environment as well).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(1)
BATCH = 128


def gemm(reps):
    a = torch.rand(128, 784)
    b = torch.rand(784, 256)
    flops = 2 * 128 * 784 * 256
    for _ in range(20):
        torch.mm(a, b)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        torch.mm(a, b)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {"op": "gemm", "shape": [128, 784, 256], "medianMs": median * 1e3, "gflops": flops / median / 1e9}


class ResidualBlock(nn.Module):
    """As Hemlock's resnet-small block: conv3x3-relu-conv3x3 (second zero-initialised), add, relu."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1)
        nn.init.zeros_(self.conv2.weight)
        self.proj = nn.Conv2d(cin, cout, 1, stride) if stride != 1 else None

    def forward(self, x):
        y = self.conv2(torch.relu(self.conv1(x)))
        return torch.relu((x if self.proj is None else self.proj(x)) + y)


def model(name):
    """Hemlock's built-in models (packages/core/src/models/builtins/), with their initialisers."""
    if name == "logistic-regression":
        m = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    elif name == "mlp":
        m = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    elif name == "badnets-cnn":
        # valid 5x5 convolutions and 2x2 average pooling: 28 -> 24 -> 12 -> 8 -> 4
        m = nn.Sequential(
            nn.Conv2d(1, 16, 5), nn.ReLU(), nn.AvgPool2d(2),
            nn.Conv2d(16, 32, 5), nn.ReLU(), nn.AvgPool2d(2),
            nn.Flatten(), nn.Linear(32 * 4 * 4, 512), nn.ReLU(), nn.Linear(512, 10),
        )
    elif name == "resnet-small":
        w = 16
        m = nn.Sequential(
            nn.Conv2d(1, w, 3, 2, 1), nn.ReLU(),
            ResidualBlock(w, w, 1), ResidualBlock(w, w, 1),
            ResidualBlock(w, 2 * w, 2), ResidualBlock(2 * w, 2 * w, 1),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2 * w, 10),
        )
        for mod in m.modules():
            if isinstance(mod, (nn.Conv2d, nn.Linear)) and mod.weight.abs().sum() > 0:
                nn.init.kaiming_normal_(mod.weight)
            if isinstance(mod, (nn.Conv2d, nn.Linear)) and mod.bias is not None:
                nn.init.zeros_(mod.bias)
        return m
    else:
        raise SystemExit(f"unknown model {name}")
    # Hemlock's dense and conv layers use Glorot-uniform weights and zero biases.
    for mod in m.modules():
        if isinstance(mod, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(mod.weight)
            nn.init.zeros_(mod.bias)
    return m


def mnist_batches(data_dir, count):
    """The first count x 128 MNIST training images in [0, 1], NCHW, with their labels."""
    n = count * BATCH
    with gzip.open(os.path.join(data_dir, "mnist", "train-images-idx3-ubyte.gz")) as f:
        images = torch.frombuffer(bytearray(f.read()[16 : 16 + n * 784]), dtype=torch.uint8)
    with gzip.open(os.path.join(data_dir, "mnist", "train-labels-idx1-ubyte.gz")) as f:
        labels = torch.frombuffer(bytearray(f.read()[8 : 8 + n]), dtype=torch.uint8)
    x = images.float().div(255).reshape(count, BATCH, 1, 28, 28)
    return list(zip(x, labels.long().reshape(count, BATCH)))


def train(name, steps, data_dir):
    m = model(name)
    opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    batches = (
        mnist_batches(data_dir, 20)
        if data_dir
        else [(torch.rand(BATCH, 1, 28, 28), torch.randint(0, 10, (BATCH,))) for _ in range(20)]
    )

    def step(i):
        x, y = batches[i % len(batches)]
        opt.zero_grad()
        loss = loss_fn(m(x), y)
        loss.backward()
        opt.step()
        return loss

    for i in range(3):
        step(i)
    times = []
    for i in range(steps):
        start = time.perf_counter()
        step(i).item()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {
        "model": name,
        "steps": steps,
        "medianMsPerStep": median * 1e3,
        "samplesPerSecond": BATCH / median,
        "data": "mnist" if data_dir else "uniform noise",
    }


def blas_library():
    """The BLAS this process loaded (Debian picks it by update-alternatives: OpenBLAS or the slow reference one)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return sorted(os.path.realpath(p) for p in paths)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("gemm")
    g.add_argument("--reps", type=int, default=200)
    t = sub.add_parser("train")
    t.add_argument("--model", required=True)
    t.add_argument("--steps", type=int, default=20)
    t.add_argument("--data")
    args = parser.parse_args()
    out = gemm(args.reps) if args.command == "gemm" else train(args.model, args.steps, args.data)
    out["torch"] = torch.__version__
    out["threads"] = torch.get_num_threads()
    out["blas"] = blas_library()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
