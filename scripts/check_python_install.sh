#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Python package as a user would (pip install --no-build-isolation
# . into a fresh virtual environment that sees Debian's packages), then runs
# the pytest suite against the installed package, from outside the repository.
# Usage: scripts/check_python_install.sh [WORKDIR]   (default: build-pyinstall)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=${1:-build-pyinstall}
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)

# Debian's python3: the one with python3-pybind11, python3-networkx, python3-pytest.
python=/usr/bin/python3
[[ -x $python ]] || python=python3
"$python" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -m pip install --no-build-isolation --no-deps --no-index -q "$repo"

cd "$work"
"$work/venv/bin/python" - <<'PY'
import importlib.metadata, pathlib, claimgraph
where = pathlib.Path(claimgraph.__file__).resolve()
assert "venv" in where.parts, f"imported {where}, not the installed package"
assert claimgraph.__version__ == importlib.metadata.version("claimgraph"), "package and engine versions differ"
print(f"check_python_install: claimgraph {claimgraph.__version__} installed at {where.parent}")
PY
CLAIMGRAPH_CLI="$repo/build/claimgraph" PYTHONDONTWRITEBYTECODE=1 \
  "$work/venv/bin/python" -m pytest -q -rs -p no:cacheprovider "$repo/python/tests"
echo "check_python_install: ok"
