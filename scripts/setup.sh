#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs claimgraph's build dependencies (Debian/Ubuntu packages only) and
# builds it into build/. Run from the repository root:
#   scripts/setup.sh            # Release-ish build (RelWithDebInfo)
#   BUILD_TYPE=Debug scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ ninja-build pkg-config
          libboost-graph-dev rapidjson-dev libicu-dev libre2-dev doctest-dev
          python3 python3-networkx python3-igraph parallel
          python3-dev pybind11-dev python3-pybind11 python3-pytest python3-setuptools python3-venv python3-pip)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" ${CMAKE_ARGS:-}
cmake --build build -j "$(nproc)"
echo "setup: built build/claimgraph; run the tests with: ctest --test-dir build --output-on-failure"
