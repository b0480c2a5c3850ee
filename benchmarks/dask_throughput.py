#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Throughput of claimgraph.dask on one machine (a LocalCluster of 1, 2 and 4 worker processes,
one thread each) against ``claimgraph build -j N`` on the same corpus; each graph is checked
to equal the CLI's byte for byte. Medians of --runs runs.

    PYTHONPATH=build/python python3 benchmarks/dask_throughput.py CORPUS.jsonl \\
        [--cli build/claimgraph] [--workers 1 2 4] [--runs 3] [--block-mb 4]
"""

import argparse
import os
import statistics
import subprocess
import tempfile
import time

import distributed

import claimgraph
import claimgraph.dask


def timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times), value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--cli", default="build/claimgraph")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--block-mb", type=float, default=4)
    args = parser.parse_args()
    mb = os.path.getsize(args.corpus) / 1e6
    print(f"{args.corpus}: {mb:.1f} MB, {os.cpu_count()} cores, claimgraph {claimgraph.__version__}")
    print("| run | median | min-max | MB/s |\n|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cli.json")
        expected = None
        for jobs in sorted(set(min(w, os.cpu_count() or 1) for w in args.workers)):
            command = [args.cli, "build", args.corpus, "-o", out, "-q", "-j", str(jobs)]
            med, lo, hi, _ = timed(lambda: subprocess.run(command, check=True), args.runs)
            print(f"| `claimgraph build -j {jobs}` | {med:.2f} s | {lo:.2f}-{hi:.2f} s | {mb / med:.1f} |")
            with open(out, encoding="utf-8") as f:
                expected = f.read()
        for workers in args.workers:
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address=None)
            with distributed.Client(cluster) as client:
                med, lo, hi, result = timed(
                    lambda: claimgraph.dask.build(client, args.corpus, block_mb=args.block_mb), args.runs)
            cluster.close()
            same = "identical" if result.graph.to_json() == expected else "DIFFERS"
            print(f"| Dask, {workers} worker process{'es' if workers > 1 else ''} | {med:.2f} s | "
                  f"{lo:.2f}-{hi:.2f} s | {mb / med:.1f} | ({same})")


if __name__ == "__main__":
    main()
