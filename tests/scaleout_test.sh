#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Map and merge under GNU parallel, for real: the recipe of
# docs/scale-out.md over the example corpus gives the same bytes as one
# `claimgraph build`.
# Usage: scaleout_test.sh CLAIMGRAPH_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
if ! command -v parallel >/dev/null; then
  if [[ -n ${CI:-} ]]; then echo "scale-out: GNU parallel is missing; CI must have it"; exit 1; fi
  echo "SKIPPED: GNU parallel is not installed (apt-get install parallel)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# One JSONL corpus from every example (the .txt files become documents).
python3 - "$src/examples" "$tmp/corpus.jsonl" <<'PY'
import json, pathlib, sys
src, out = pathlib.Path(sys.argv[1]), sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for p in sorted(src.glob("*.txt")):
        f.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    f.write((src / "docs.jsonl").read_text(encoding="utf-8"))
PY
"$bin" build "$tmp/corpus.jsonl" -o "$tmp/build.json" -q

# Recipe 1: split stdin into blocks of 2 documents, 2 jobs at a time.
parallel --will-cite --pipe -N 2 -j 2 "$bin" extract <"$tmp/corpus.jsonl" >"$tmp/parts.jsonl"
"$bin" merge "$tmp/parts.jsonl" -o "$tmp/merged.json" -q
if cmp -s "$tmp/build.json" "$tmp/merged.json"; then passed=$((passed + 1)); else
  echo "FAIL: parallel --pipe extract + merge differs from build"; failed=$((failed + 1)); fi

# Recipe 2: one partial-graph file per input file, merged as a tree.
mkdir -p "$tmp/shards" "$tmp/parts"
split -l 3 -d --additional-suffix=.jsonl "$tmp/corpus.jsonl" "$tmp/shards/shard-"
ls "$tmp"/shards/*.jsonl | parallel --will-cite -j 2 "$bin extract {} > $tmp/parts/{/.}.jsonl"
ls "$tmp"/parts/*.jsonl | parallel --will-cite -N 2 -j 2 "$bin merge {} -o $tmp/parts/merged-{#}.json -q"
"$bin" merge "$tmp"/parts/merged-*.json -o "$tmp/tree.json" -q
if cmp -s "$tmp/build.json" "$tmp/tree.json"; then passed=$((passed + 1)); else
  echo "FAIL: per-file extract + tree merge differs from build"; failed=$((failed + 1)); fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
