# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures: the repository, the built CLI, the shared corpus (skipped with a visible
reason where it is absent, as on a user's fresh clone)."""

import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "corpus" / "seed-alibaba-ko.txt"


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def cli():
    """The claimgraph executable the module was built with (CLAIMGRAPH_CLI, set by CTest)."""
    path = os.environ.get("CLAIMGRAPH_CLI") or shutil.which("claimgraph")
    if not path:
        pytest.skip("the claimgraph CLI is not built (set CLAIMGRAPH_CLI)")
    return path


@pytest.fixture(scope="session")
def seed():
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (the shared corpus is not part of a fresh clone)")
    return SEED


def run_cli(cli, *args):
    """Runs the CLI; returns (exit code, stdout, stderr)."""
    p = subprocess.run([cli, *map(str, args)], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr
