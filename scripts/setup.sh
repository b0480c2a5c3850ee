#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs claimgraph's build dependencies (Debian/Ubuntu packages only) and
# builds it into build/. Run from the repository root:
#   scripts/setup.sh            # Release-ish build (RelWithDebInfo)
#   BUILD_TYPE=Debug scripts/setup.sh
#   CLAIMGRAPH_BROWSER_TESTS=1 scripts/setup.sh   # also Chromium, for the browser test
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ ninja-build pkg-config
          libboost-graph-dev rapidjson-dev libicu-dev libre2-dev doctest-dev libxml2-dev
          python3 python3-networkx python3-igraph parallel python3-distributed
          python3-dev pybind11-dev python3-pybind11 python3-pytest python3-setuptools python3-venv python3-pip python3-wheel
          libbenchmark-dev libjemalloc-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The browser test (tests/browser_test.mjs): Debian's Chromium, and CJK
# fonts so the Korean labels in its screenshot are legible.
if [[ ${CLAIMGRAPH_BROWSER_TESTS:-0} == 1 ]]; then
  for p in chromium fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The HTML viewer's packages (Cytoscape.js; playwright-core for the browser
# test) from the npm registry, pinned by viewer/package-lock.json. CMake
# embeds them when present and never downloads; without npm the build
# still succeeds and .html output says it was built without the viewer.
if command -v npm >/dev/null; then
  if [[ viewer/node_modules/.package-lock.json -nt viewer/package-lock.json ]]; then
    echo "setup: viewer/node_modules is up to date"
  else
    echo "setup: npm ci in viewer/"
    (cd viewer && npm ci --no-audit --no-fund --loglevel=error) ||
      echo "setup: warning: npm ci failed; building without the HTML viewer" >&2
  fi
else
  echo "setup: npm not found; building without the HTML viewer (.html output will say so)" >&2
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" ${CMAKE_ARGS:-}
cmake --build build -j "$(nproc)"
echo "setup: built build/claimgraph; run the tests with: ctest --test-dir build --output-on-failure"
