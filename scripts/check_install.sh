#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs claimgraph from build/ into a temporary prefix, then builds
# examples/embed against the INSTALLED package (CMake) and the pkg-config
# file, and runs both on examples/docs.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install build --prefix "$tmp/prefix" >/dev/null
cmake -S examples/embed -B "$tmp/embed" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/embed" >/dev/null
"$tmp/embed/claims_jsonl" examples/docs.jsonl >"$tmp/claims.jsonl"
grep -q '"speaker": "Laura Kim", "speaker_id": "ent:laura-kim", "cue": "say"' "$tmp/claims.jsonl"
PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" pkg-config --exists claimgraph
# shellcheck disable=SC2046
g++ -std=c++17 examples/embed/claims_jsonl.cc -o "$tmp/claims_pc" \
  $(PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" pkg-config --cflags --libs claimgraph)
"$tmp/claims_pc" <examples/docs.jsonl | cmp - "$tmp/claims.jsonl"
# The installed CLI finds its built-in rules from any directory.
(cd "$tmp" && ./prefix/bin/claimgraph build - -q <<<"텐센트의 '훈위안-이미지-3.0'이 1위다." | grep -Eq '"relation": ?"develops"')
echo "install: the installed package builds and runs examples/embed (CMake and pkg-config)"
