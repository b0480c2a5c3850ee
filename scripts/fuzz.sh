#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs one libFuzzer target for SECONDS, seeded from examples/ and the rule
# pack, and prints libFuzzer's final statistics (runs, coverage).
#   scripts/fuzz.sh TARGET SECONDS        TARGET: normalize extract attribution
#                                         jsonl graph_json graphml dot rules
# Builds build-fuzz/ with clang first if needed. A crash leaves its input in
# build-fuzz/crashes/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
seconds=$2
build=${FUZZ_BUILD:-build-fuzz}
if [[ ! -x $build/fuzz/fuzz_$target ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAIMGRAPH_FUZZ=ON \
    -DCLAIMGRAPH_BUILD_TESTS=OFF -DCLAIMGRAPH_BUILD_EXAMPLES=OFF -DCLAIMGRAPH_INSTALL=OFF >/dev/null
  cmake --build "$build" --target "fuzz_$target" >/dev/null
fi
corpus=$build/corpus/$target
crashes=$build/crashes/$target
mkdir -p "$corpus" "$crashes"
seed() { cp "$@" "$corpus/" 2>/dev/null || true; }
case $target in
  normalize|extract|attribution)
    seed examples/*.txt examples/heldout/*.txt
    python3 -c 'import json,sys
for i,l in enumerate(open("examples/docs.jsonl",encoding="utf-8")):
    open(sys.argv[1]+"/doc-%d"%i,"w",encoding="utf-8").write(json.loads(l)["text"])' "$corpus" ;;
  jsonl) seed examples/docs.jsonl ;;
  graph_json|graphml|dot)
    cli=${CLI:-build/claimgraph}
    if [[ -x $cli ]]; then
      "$cli" build examples/docs.jsonl -o "$corpus/docs.json" -q
      "$cli" build examples/docs.jsonl -o "$corpus/docs.graphml" -q
      "$cli" build examples/docs.jsonl -o "$corpus/docs.dot" -q
    fi
    # Deep nesting, refused before a reader recurses: a few levels past
    # each limit.
    python3 -c 'import sys
d=sys.argv[1]
open(d+"/deep.graphml","w").write("<graphml><graph id=\"G\">"+"<a>"*300+"</a>"*300+"</graph></graphml>")
open(d+"/deep.dot","w").write("digraph G {"+"subgraph {"*70+"}"*71)
open(d+"/deep.json","w").write("{\"nodes\": [{\"id\": \"a\", \"mentions\": "+"["*70+"]"*70+"}]}")' "$corpus" ;;
  rules) seed rules/patterns/*.json rules/relations/*.json rules/claims/*.json tests/testdata/rules/*/*/*.tsv tests/testdata/rules/*/*/*.json ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
UBSAN_OPTIONS="suppressions=$PWD/fuzz/ubsan.supp:print_stacktrace=1" \
"$build/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=20 \
  -print_final_stats=1 -artifact_prefix="$crashes/" 2>&1 | tee "$build/fuzz-$target.log" | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY)" || true
if grep -q "==ERROR\|SUMMARY: \|deadly signal\|Test unit written" "$build/fuzz-$target.log"; then
  echo "fuzz: $target found a problem; see $build/fuzz-$target.log and $crashes/" >&2
  exit 1
fi
echo "fuzz: $target ran ${seconds}s without a finding"
