#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI behaviour of `claimgraph build`: exit codes (0 ok, 1 input error,
# 2 usage), error messages naming the file, stdin, directories, formats,
# determinism, and no partial output on failure.
# Usage: cli_test.sh CLAIMGRAPH_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {  # check NAME EXPECTED_CODE STDERR_PATTERN -- command...
  local name=$1 want=$2 pattern=$3
  shift 4
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL: $name: exit $got, expected $want"; cat "$tmp/err"; failed=$((failed + 1)); return
  fi
  if [[ -n $pattern ]] && ! grep -qF -- "$pattern" "$tmp/err"; then
    echo "FAIL: $name: stderr lacks \"$pattern\""; cat "$tmp/err"; failed=$((failed + 1)); return
  fi
  passed=$((passed + 1))
}

ex=$src/examples
check "help" 0 "" -- "$bin" --help
check "build help" 0 "" -- "$bin" build --help
check "no command" 2 "Usage" -- "$bin"
check "unknown command" 2 'unknown command "frobnicate"' -- "$bin" frobnicate
check "no input" 2 "no INPUT given" -- "$bin" build
check "unknown option" 2 'unknown option "--bogus"' -- "$bin" build --bogus "$ex/news_ko.txt"
check "unknown extension" 2 'unknown output format ".csv"' -- "$bin" build "$ex/news_ko.txt" -o "$tmp/g.csv"
check "missing file" 1 "$tmp/missing.txt: error: no such file or directory" -- "$bin" build "$tmp/missing.txt"
check "missing rules" 1 "error: rule pack directory not found" -- "$bin" build "$ex/news_ko.txt" --rules "$tmp/none"

# JSON to stdout by default, loadable.
check "stdout json" 0 "1 document" -- "$bin" build "$ex/news_ko.txt"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["directed"] and d["nodes"]' "$tmp/out" \
  && passed=$((passed + 1)) || { echo "FAIL: stdout is not node-link JSON"; failed=$((failed + 1)); }

# stdin
printf '알리바바가 큐원3-맥스를 공개했다.' | "$bin" build - -q >"$tmp/stdin.json" 2>"$tmp/err"
if grep -q '"ent:qwen3-max"' "$tmp/stdin.json" && grep -q '"doc": "stdin"' "$tmp/stdin.json"; then
  passed=$((passed + 1)); else echo "FAIL: stdin input"; failed=$((failed + 1)); fi

# A directory, every format, and determinism.
mkdir -p "$tmp/in"
cp "$ex/news_ko.txt" "$ex/docs.jsonl" "$tmp/in/"
for ext in json graphml dot; do
  check "dir to .$ext" 0 "-> $tmp/g1.$ext" -- "$bin" build "$tmp/in" -o "$tmp/g1.$ext"
  check "dir to .$ext again" 0 "" -- "$bin" build "$tmp/in" -o "$tmp/g2.$ext"
  if cmp -s "$tmp/g1.$ext" "$tmp/g2.$ext"; then passed=$((passed + 1)); else
    echo "FAIL: .$ext output is not deterministic"; failed=$((failed + 1)); fi
done
check "multiple inputs" 0 "7 documents" -- "$bin" build "$ex/news_ko.txt" "$ex/news_en.txt" "$ex/docs.jsonl" -o "$tmp/all.json"

# Bad input: clear message, exit 1, previous output untouched, no temp file.
printf '{"id": "a", "text": "ok"}\n{"id": "b", "text": }\n' >"$tmp/bad.jsonl"
cp "$tmp/g1.json" "$tmp/keep.json"
check "bad jsonl line" 1 "$tmp/bad.jsonl:2:21: error: malformed JSON" -- "$bin" build "$tmp/bad.jsonl" -o "$tmp/keep.json"
if cmp -s "$tmp/g1.json" "$tmp/keep.json"; then passed=$((passed + 1)); else
  echo "FAIL: a failed run changed the existing output"; failed=$((failed + 1)); fi
printf 'abc\xff\xfe' >"$tmp/bad.txt"
check "invalid utf-8" 1 "$tmp/bad.txt: error: invalid UTF-8 at byte 3" -- "$bin" build "$tmp/bad.txt" -o "$tmp/new.json"
if [[ ! -e $tmp/new.json ]]; then passed=$((passed + 1)); else echo "FAIL: output written on error"; failed=$((failed + 1)); fi
check "unwritable output" 1 "$tmp/nodir/g.json: error: cannot create a temporary file" -- "$bin" build "$ex/news_ko.txt" -o "$tmp/nodir/g.json"
if ls -a "$tmp" | grep -q '\.tmp-'; then echo "FAIL: temporary file left behind"; failed=$((failed + 1)); else passed=$((passed + 1)); fi

# A broken rule pack never runs.
mkdir -p "$tmp/rules/entities" "$tmp/rules/ko"
printf '은\n' >"$tmp/rules/ko/particles.txt"
printf 'acme\tAcme\tOrg\t-\t-\n' >"$tmp/rules/entities/a.tsv"
check "broken rules" 1 "$tmp/rules/entities/a.tsv:1:11: error: unknown entity type \"Org\"" -- \
  "$bin" build "$ex/news_ko.txt" --rules "$tmp/rules"

# The seed, when the shared corpus is there.
seed=$src/../shared/corpus/seed-alibaba-ko.txt
if [[ -f $seed ]]; then
  check "seed" 0 "" -- "$bin" build "$seed" -o "$tmp/seed.json"
  grep -q '"ent:kyle-chan"' "$tmp/seed.json" && passed=$((passed + 1)) || { echo "FAIL: seed lacks Kyle Chan"; failed=$((failed + 1)); }
else
  echo "note: $seed absent; seed CLI check not run"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
