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

# Compact JSON (one line) by default; --pretty indents the same document.
"$bin" build "$ex/news_ko.txt" -o "$tmp/compact.json" -q
check "--pretty" 0 "" -- "$bin" build "$ex/news_ko.txt" -o "$tmp/pretty.json" -q --pretty
python3 - "$tmp/compact.json" "$tmp/pretty.json" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: compact and --pretty JSON differ"; failed=$((failed + 1)); }
import json, sys
compact, pretty = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
assert compact.count("\n") == 1 and compact.endswith("}\n"), "compact JSON is one line"
assert pretty.count("\n") > 100 and pretty.startswith('{\n "directed": true'), "--pretty indents"
assert json.loads(compact) == json.loads(pretty)
PY

# stdin
printf '알리바바가 큐원3-맥스를 공개했다.' | "$bin" build - -q >"$tmp/stdin.json" 2>"$tmp/err"
if grep -q '"ent:qwen3-max"' "$tmp/stdin.json" && grep -q '"doc":"stdin"' "$tmp/stdin.json"; then
  passed=$((passed + 1)); else echo "FAIL: stdin input"; failed=$((failed + 1)); fi

# A directory, every format, and determinism.
mkdir -p "$tmp/in"
cp "$ex/news_ko.txt" "$ex/docs.jsonl" "$tmp/in/"
for ext in json graphml dot html gexf cyjs; do
  check "dir to .$ext" 0 "-> $tmp/g1.$ext" -- "$bin" build "$tmp/in" -o "$tmp/g1.$ext"
  check "dir to .$ext again" 0 "" -- "$bin" build "$tmp/in" -o "$tmp/g2.$ext"
  if cmp -s "$tmp/g1.$ext" "$tmp/g2.$ext"; then passed=$((passed + 1)); else
    echo "FAIL: .$ext output is not deterministic"; failed=$((failed + 1)); fi
done
check "multiple inputs" 0 "7 documents" -- "$bin" build "$ex/news_ko.txt" "$ex/news_en.txt" "$ex/docs.jsonl" -o "$tmp/all.json"

# The viewing formats (README "Seeing the graph").
check "build help lists formats" 0 "" -- "$bin" build --help
grep -q "gexf" "$tmp/out" && grep -q "neo4j" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: build --help lacks the new formats"; failed=$((failed + 1)); }
python3 - "$tmp/g1.html" "$tmp/g1.json" "$tmp/g1.cyjs" "$tmp/g1.gexf" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: html/cyjs/gexf do not carry the graph"; failed=$((failed + 1)); }
import json, re, sys
import xml.etree.ElementTree as ET
html = open(sys.argv[1], encoding="utf-8").read()
graph = json.load(open(sys.argv[2], encoding="utf-8"))
embedded = json.loads(re.search(r'<script type="application/json" id="claimgraph-graph">(.*?)</script>', html, re.S).group(1))
assert embedded == json.loads(json.dumps(graph)), "embedded JSON differs from the .json output"
docs = json.loads(re.search(r'<script type="application/json" id="claimgraph-documents">(.*?)</script>', html, re.S).group(1))
assert set(docs) == {d["id"] for d in graph["graph"]["documents"]}, docs.keys()
cy = json.load(open(sys.argv[3], encoding="utf-8"))
assert len(cy["elements"]["nodes"]) == len(graph["nodes"]) and len(cy["elements"]["edges"]) == len(graph["edges"])
ns = {"g": "http://www.gexf.net/1.2draft"}
root = ET.parse(sys.argv[4]).getroot()
assert len(root.findall("g:graph/g:nodes/g:node", ns)) == len(graph["nodes"])
assert len(root.findall("g:graph/g:edges/g:edge", ns)) == len(graph["edges"])
PY
check "format by name to stdout" 0 "" -- "$bin" build "$ex/news_ko.txt" --format gexf -q
grep -q '<gexf xmlns="http://www.gexf.net/1.2draft"' "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: --format gexf to stdout"; failed=$((failed + 1)); }
check "unknown --format" 2 'unknown format "csv"' -- "$bin" build "$ex/news_ko.txt" --format csv
check "neo4j needs -o" 2 "--format neo4j writes a directory of CSV files; name it with -o DIR" -- "$bin" build "$ex/news_ko.txt" --format neo4j
check "neo4j" 0 "-> $tmp/neo4j" -- "$bin" build "$tmp/in" --format neo4j -o "$tmp/neo4j"
check "neo4j non-empty dir" 1 "$tmp/neo4j: error: output directory exists and is not empty" -- "$bin" build "$tmp/in" --format neo4j -o "$tmp/neo4j"
mkdir -p "$tmp/neo4j-empty"
check "neo4j empty dir" 0 "" -- "$bin" merge "$tmp/g1.json" --format neo4j -o "$tmp/neo4j-empty" -q
if ls -a "$tmp" | grep -q '\.tmp-'; then echo "FAIL: temporary directory left behind"; failed=$((failed + 1)); else passed=$((passed + 1)); fi
python3 - "$tmp/neo4j" "$tmp/g1.json" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: neo4j CSV does not read back"; failed=$((failed + 1)); }
import csv, json, sys
graph = json.load(open(sys.argv[2], encoding="utf-8"))
def rows(name):
    with open(f"{sys.argv[1]}/{name}", encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter=",", quotechar='"', doublequote=True, strict=True))
ents, claims, rels = rows("entities.csv"), rows("claims.csv"), rows("relationships.csv")
assert ents[0][:2] == ["id:ID", ":LABEL"] and claims[0][:2] == ["id:ID", ":LABEL"], (ents[0], claims[0])
assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"], rels[0]
assert len(ents) - 1 == sum(n["kind"] == "entity" for n in graph["nodes"])
assert len(claims) - 1 == sum(n["kind"] == "claim" for n in graph["nodes"])
assert len(rels) - 1 == len(graph["edges"])
ids = {r[0] for r in ents[1:]} | {r[0] for r in claims[1:]}
assert all(r[0] in ids and r[1] in ids for r in rels[1:])
docs, links = rows("documents.csv"), rows("document_links.csv")
assert len(docs) - 1 == len(graph["graph"]["documents"]) and docs[0][:2] == ["id:ID", ":LABEL"]
doc_ids = {r[0] for r in docs[1:]}
assert links[1:] and all(r[0] in ids and r[1] in doc_ids and r[2] in ("IN_DOCUMENT", "MENTIONED_IN") for r in links[1:])
by_id = {n["id"]: n for n in graph["nodes"]}
col = ents[0].index("aliases:string[]")
assert all(r[col].split(";") == by_id[r[0]]["aliases"] for r in ents[1:] if r[col])
assert all(r[1] == "Entity;" + by_id[r[0]]["type"] for r in ents[1:])
PY

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

# -o never replaces what is not a regular file: a symlink's target is
# replaced, a FIFO or device is written to, "-" is stdout, a directory or a
# symlink loop is an error.
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $1"; failed=$((failed + 1)); }
check "-o - is stdout" 0 "" -- "$bin" build "$ex/news_ko.txt" -o - --format graphml -q
grep -q '<graphml' "$tmp/out" && ok || bad "-o - wrote no GraphML to stdout"
echo old >"$tmp/real.json"
ln -s real.json "$tmp/link.json"
check "-o a symlink" 0 "" -- "$bin" build "$ex/news_ko.txt" -o "$tmp/link.json" -q
[[ -L $tmp/link.json ]] && grep -q '"directed"' "$tmp/real.json" && ok || bad "the symlink was replaced, or its target not written"
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
reader=$!
check "-o a fifo" 0 "" -- "$bin" build "$ex/news_ko.txt" --format json -o "$tmp/fifo" -q
wait $reader
[[ -p $tmp/fifo ]] && grep -q '"directed"' "$tmp/fifo.out" && ok || bad "the FIFO was replaced or got nothing"
check "-o /dev/null" 0 "" -- "$bin" build "$ex/news_ko.txt" --format json -o /dev/null -q
# /dev/stdout into a pipe: its links end in the pipe, written where it is.
"$bin" build "$ex/news_ko.txt" --format json -o /dev/stdout -q | cat >"$tmp/via-pipe.json"
grep -q '"directed"' "$tmp/via-pipe.json" && ok || bad "-o /dev/stdout into a pipe"
[[ -c /dev/null ]] && ok || bad "/dev/null is no longer a device"
if [[ -w /dev/full ]]; then
  check "-o /dev/full" 1 "/dev/full: error: cannot write output: No space left on device" -- \
    "$bin" build "$ex/news_ko.txt" --format json -o /dev/full -q
fi
mkdir "$tmp/adir"
check "-o a directory" 1 "$tmp/adir: error: cannot write output: Is a directory" -- "$bin" build "$ex/news_ko.txt" --format json -o "$tmp/adir" -q
ln -s loop2.json "$tmp/loop1.json"
ln -s loop1.json "$tmp/loop2.json"
check "-o a symlink loop" 1 "loop1.json: error: cannot follow the output's symbolic links" -- "$bin" build "$ex/news_ko.txt" -o "$tmp/loop1.json" -q

# One 10 MB document without a sentence end (a list, a table flattened to
# one line) takes time linear in its length: seconds, not hours. (The
# timeout guards against a hang; the benchmark BM_LongSentence measures.)
long_mb=${CLAIMGRAPH_LONG_MB:-10}
# (Whole lines, so that no character is cut: about 60 and 90 bytes each.)
yes "Alibaba said Qwen3 and Nvidia chips grow with new partners" | head -n $((long_mb * 16600)) | tr '\n' ' ' >"$tmp/long.txt"
check "$long_mb MB in one sentence" 0 "" -- timeout 120 "$bin" build "$tmp/long.txt" -o "$tmp/long.json" -q
yes "알리바바는 김민수 대표와 엔비디아의 모델을 공개 시장 데이터 센터" | head -n $((long_mb * 11000)) | tr '\n' ' ' >"$tmp/long_ko.txt"
check "$long_mb MB of Korean in one sentence" 0 "" -- timeout 120 "$bin" build "$tmp/long_ko.txt" -o "$tmp/long_ko.json" -q
# SIGTERM during one long document is honoured within about a second
# (the run checks between batches; a document this long is one batch),
# the old output kept. (Not under the sanitizers: their 1 MB is too quick.)
if [[ $long_mb -ge 10 ]]; then
  cat "$tmp/long.txt" "$tmp/long.txt" "$tmp/long.txt" >"$tmp/long3.txt"
  echo old >"$tmp/keep-long.json"
  start=$(date +%s)
  "$bin" build "$tmp/long3.txt" -o "$tmp/keep-long.json" -q 2>"$tmp/err" &
  pid=$!
  sleep 1
  kill -TERM $pid
  wait $pid
  code=$?
  elapsed=$(( $(date +%s) - start ))
  if [[ $code -eq 143 && $elapsed -le 5 ]] && grep -q "interrupted" "$tmp/err" && [[ $(cat "$tmp/keep-long.json") == old ]] &&
     ! ls -a "$tmp" | grep -q '\.tmp-'; then
    passed=$((passed + 1)); else echo "FAIL: SIGTERM in a long document (exit $code after ${elapsed}s)"; cat "$tmp/err"; failed=$((failed + 1)); fi
  rm -f "$tmp/long3.txt"
fi
rm -f "$tmp/long.txt" "$tmp/long_ko.txt" "$tmp/long.json" "$tmp/long_ko.json"

# Output that cannot be written to stdout is an error, for every verb.
if [[ -w /dev/full ]]; then
  "$bin" build "$ex/news_ko.txt" -o "$tmp/full.json" -q
  check "query > /dev/full" 1 "claimgraph query: cannot write to stdout" -- sh -c "\"\$0\" query \"\$1\" stats >/dev/full" "$bin" "$tmp/full.json"
  check "explain > /dev/full" 1 "claimgraph explain: cannot write to stdout" -- sh -c "\"\$0\" explain \"\$1\" >/dev/full" "$bin" "$ex/news_ko.txt"
  check "rules check > /dev/full" 1 "claimgraph rules: cannot write to stdout" -- sh -c "\"\$0\" rules check >/dev/full" "$bin"
  check "--help > /dev/full" 1 "claimgraph: cannot write to stdout" -- sh -c "\"\$0\" --help >/dev/full" "$bin"
fi

# A file name that is not UTF-8 gives a document id that is (U+FFFD), so
# the JSON stays valid.
mkdir "$tmp/names"
printf '알리바바는 말했다.' >"$tmp/names/$(printf 'bad\xffname').txt"
check "a file name that is not UTF-8" 0 "" -- "$bin" build "$tmp/names" -o "$tmp/names.json" -q
grep -qF "\"bad$(printf '\xef\xbf\xbd')name\"" "$tmp/names.json" && passed=$((passed + 1)) || { echo "FAIL: the id was not repaired"; failed=$((failed + 1)); }

# The document limit can be raised (and lowered), and its error says how.
yes "알리바바는 말했다." | head -n 80000 >"$tmp/two_mb.txt"
check "a document over --max-document-mb" 1 "claimgraph build: raise the document limit with --max-document-mb N" -- \
  "$bin" build "$tmp/two_mb.txt" --max-document-mb 1 -q
check "a document under --max-document-mb" 0 "" -- "$bin" build "$tmp/two_mb.txt" --max-document-mb 3 -o "$tmp/two_mb.json" -q
check "--max-document-mb 0" 2 "--max-document-mb needs a number from 1 to 4095" -- "$bin" build "$tmp/two_mb.txt" --max-document-mb 0
# stdin is checked against the limit while it is read (an endless stream
# stops at the limit instead of filling memory).
check "an endless stdin over --max-document-mb" 1 '<stdin>: error: document "stdin" has more than 1048576 bytes, the limit' -- \
  sh -c "\"\$0\" build - --max-document-mb 1 -q < /dev/zero" "$bin"

# A directory's entries that are no regular file are passed over with a
# warning, not silently; a NUL byte on a JSONL line is an error, not the
# end of the line.
mkdir -p "$tmp/odd/sub.txt"
printf '알리바바는 말했다.' >"$tmp/odd/a.txt"
ln -s nothing.txt "$tmp/odd/b.txt"
check "a dangling link in an input directory" 0 "$tmp/odd/b.txt: warning: a symbolic link to nothing; skipped" -- "$bin" build "$tmp/odd" -o "$tmp/odd.json"
grep -qF "$tmp/odd/sub.txt: warning: a directory; skipped" "$tmp/err" && ! grep -q "bad document" "$tmp/err" && passed=$((passed + 1)) ||
  { echo "FAIL: a directory named .txt"; cat "$tmp/err"; failed=$((failed + 1)); }
printf '{"id":"a","text":"ok"}\0{"id":"b"}\n' >"$tmp/nul.jsonl"
check "a NUL byte on a JSONL line" 1 "$tmp/nul.jsonl:1: error: a NUL byte at byte 22; a JSONL line is JSON text" -- "$bin" build "$tmp/nul.jsonl"

# A rule file that is no regular file (a link to /dev/zero) is an error.
mkdir -p "$tmp/zero-rules/ko"
printf '은\n' >"$tmp/zero-rules/ko/particles.txt"
ln -s /dev/zero "$tmp/zero-rules/ko/zero.txt"
check "a rule file linked to /dev/zero" 1 "$tmp/zero-rules/ko/zero.txt: error: not a regular file (a rule file must be one)" -- \
  "$bin" rules check --rules "$tmp/zero-rules"

# Hostile text (control characters, quotes, braces, a closing script tag)
# gives files that read back: JSON and DOT through claimgraph, Cytoscape
# JSON through Python, and an HTML page whose script no text can end.
printf 'Alibaba said "new\001 model \\"x\\" {a} </script><script>alert(1)</script> is\033 out -> [x]."\n' >"$tmp/hostile.txt"
for fmt in json dot cyjs html; do
  check "hostile text as $fmt" 0 "" -- "$bin" build "$tmp/hostile.txt" -o "$tmp/hostile.$fmt" -q
done
check "hostile JSON reads back" 0 "" -- "$bin" query "$tmp/hostile.json" stats
check "hostile DOT reads back" 0 "" -- "$bin" query "$tmp/hostile.dot" stats
python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$tmp/hostile.cyjs" && passed=$((passed + 1)) ||
  { echo "FAIL: hostile Cytoscape JSON"; failed=$((failed + 1)); }
! grep -q '</script><script>alert' "$tmp/hostile.html" && passed=$((passed + 1)) ||
  { echo "FAIL: the HTML page lets text end its script"; failed=$((failed + 1)); }

# A broken rule pack never runs.
mkdir -p "$tmp/rules/entities" "$tmp/rules/ko"
printf '은\n' >"$tmp/rules/ko/particles.txt"
printf 'acme\tAcme\tOrg\t-\t-\n' >"$tmp/rules/entities/a.tsv"
check "broken rules" 1 "$tmp/rules/entities/a.tsv:1:11: error: unknown entity type \"Org\"" -- \
  "$bin" build "$ex/news_ko.txt" --rules "$tmp/rules"

# -j: the same bytes on any number of threads.
check "build -j1" 0 "" -- "$bin" build "$ex/news_ko.txt" "$ex/news_en.txt" "$ex/docs.jsonl" -j 1 -o "$tmp/j1.json"
check "build -j4" 0 "" -- "$bin" build "$ex/news_ko.txt" "$ex/news_en.txt" "$ex/docs.jsonl" -j 4 -o "$tmp/j4.json"
if cmp -s "$tmp/j1.json" "$tmp/j4.json"; then passed=$((passed + 1)); else echo "FAIL: -j changes the output"; failed=$((failed + 1)); fi
check "bad -j" 2 "-j needs a positive number" -- "$bin" build "$ex/news_ko.txt" -j zero

# Map and merge give the build's bytes.
cat "$ex/docs.jsonl" | "$bin" extract >"$tmp/parts.jsonl" 2>"$tmp/err"
if [[ $(wc -l <"$tmp/parts.jsonl") -eq 5 ]]; then passed=$((passed + 1)); else echo "FAIL: extract did not write one line a document"; failed=$((failed + 1)); fi
check "merge" 0 "" -- "$bin" merge "$tmp/parts.jsonl" -o "$tmp/merged.json"
check "build docs" 0 "" -- "$bin" build "$ex/docs.jsonl" -o "$tmp/docs.json"
if cmp -s "$tmp/merged.json" "$tmp/docs.json"; then passed=$((passed + 1)); else echo "FAIL: merge differs from build"; failed=$((failed + 1)); fi
head -2 "$tmp/parts.jsonl" >"$tmp/p1.jsonl"
tail -3 "$tmp/parts.jsonl" | "$bin" merge - "$tmp/p1.jsonl" -o "$tmp/merged2.json" -q
if cmp -s "$tmp/merged2.json" "$tmp/docs.json"; then passed=$((passed + 1)); else echo "FAIL: merge of stdin and a file differs"; failed=$((failed + 1)); fi
# extract takes build's options: -j (the same lines, in input order), -o
# (atomic), --on-error skip (a bad line is reported and the others kept),
# --lossy; without skip, a bad line leaves -o untouched.
check "extract -j1 -o" 0 "extracted 5 documents" -- "$bin" extract "$ex/docs.jsonl" -j 1 -o "$tmp/x1.jsonl"
check "extract -j3" 0 "" -- "$bin" extract "$ex/docs.jsonl" -j 3 -o "$tmp/x3.jsonl" -q
if cmp -s "$tmp/x1.jsonl" "$tmp/parts.jsonl" && cmp -s "$tmp/x3.jsonl" "$tmp/parts.jsonl"; then
  passed=$((passed + 1)); else echo "FAIL: extract -j or -o changes the lines"; failed=$((failed + 1)); fi
{ head -2 "$ex/docs.jsonl"; echo '{"id": "broken", "text": '; printf '{"id": "latin1", "text": "caf\xe9"}\n'; tail -3 "$ex/docs.jsonl"; } >"$tmp/mixed.jsonl"
echo "old" >"$tmp/x-old.jsonl"
check "extract bad line" 1 "$tmp/mixed.jsonl:3:" -- "$bin" extract "$tmp/mixed.jsonl" -o "$tmp/x-old.jsonl"
[[ $(cat "$tmp/x-old.jsonl") == old ]] && passed=$((passed + 1)) || { echo "FAIL: a failed extract touched -o"; failed=$((failed + 1)); }
check "extract --on-error skip" 0 "2 bad documents skipped" -- "$bin" extract "$tmp/mixed.jsonl" --on-error skip -o "$tmp/x-skip.jsonl"
check "extract --lossy" 0 "1 bad document skipped" -- "$bin" extract "$tmp/mixed.jsonl" --on-error skip --lossy -o "$tmp/x-lossy.jsonl"
if cmp -s "$tmp/x-skip.jsonl" "$tmp/parts.jsonl" && [[ $(wc -l <"$tmp/x-lossy.jsonl") -eq 6 ]] && grep -q '"id":"latin1"' "$tmp/x-lossy.jsonl"; then
  passed=$((passed + 1)); else echo "FAIL: extract skip/lossy lines"; failed=$((failed + 1)); fi
check "extract bad --on-error" 2 "--on-error is fail or skip" -- "$bin" extract "$ex/docs.jsonl" --on-error ignore
# SIGTERM while extract writes -o: -o stays as it was, and no temporary
# file is left (the run stops between batches). About 4 MB: seconds of work.
for i in $(seq 1 600); do cat "$ex/docs.jsonl"; done | awk '{ sub(/"id": *"[^"]*"/, "\"id\": \"d" NR "\""); print }' >"$tmp/many.jsonl"
echo old >"$tmp/x-term.jsonl"
"$bin" extract "$tmp/many.jsonl" -j 1 -o "$tmp/x-term.jsonl" 2>"$tmp/err" &
pid=$!
# (Once its temporary output exists, extraction is under way.)
for i in $(seq 1 200); do ls -a "$tmp" | grep -q '\.tmp-' && break; sleep 0.05; done
kill -TERM $pid
wait $pid
code=$?
if [[ $code -eq 143 && $(cat "$tmp/x-term.jsonl") == old ]] && grep -q "left unchanged" "$tmp/err" && ! ls -a "$tmp" | grep -q '\.tmp-'; then
  passed=$((passed + 1)); else echo "FAIL: SIGTERM during extract -o (exit $code)"; cat "$tmp/err"; failed=$((failed + 1)); fi
rm -f "$tmp/many.jsonl"
# merge: -j N and --on-error skip (a bad line of partial graphs, or a whole
# unreadable graph file, reported and passed over).
{ head -2 "$tmp/parts.jsonl"; echo '{"nodes": ['; tail -3 "$tmp/parts.jsonl"; } >"$tmp/parts-bad.jsonl"
echo '{' >"$tmp/broken.json"
check "merge bad line" 1 "$tmp/parts-bad.jsonl:3: error: malformed JSON" -- "$bin" merge "$tmp/parts-bad.jsonl" -o "$tmp/mb.json"
check "merge --on-error skip" 0 "skipped 1 bad line and 1 bad input" -- \
  "$bin" merge "$tmp/parts-bad.jsonl" "$tmp/broken.json" --on-error skip -j 2 -o "$tmp/mb.json"
cmp -s "$tmp/mb.json" "$tmp/docs.json" && passed=$((passed + 1)) || { echo "FAIL: merge skip differs from build"; failed=$((failed + 1)); }
check "merge all bad" 1 "every input (1) was skipped" -- "$bin" merge "$tmp/broken.json" --on-error skip
check "merge two stdins" 2 "- (stdin) may be given once" -- "$bin" merge - -
printf '{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "zz"}]}\n' >"$tmp/dangling.json"
check "merge dangling" 1 "$tmp/dangling.json: error: edges[0]: \"zz\" is not the id of a node (dangling edge)" -- "$bin" merge "$tmp/dangling.json"
# Two files that give one node different types merge with a warning that
# names both and the one kept.
echo '{"nodes":[{"id":"x","type":"Person"}],"edges":[]}' >"$tmp/typed-person.json"
echo '{"nodes":[{"id":"x","type":"Organization"}],"edges":[]}' >"$tmp/typed-org.json"
check "merge conflicting types" 0 \
  "$tmp/typed-org.json: warning: node \"x\" has type Organization here and Person in an earlier input; the merged graph keeps Organization" -- \
  "$bin" merge "$tmp/typed-person.json" "$tmp/typed-org.json" -o "$tmp/typed.json" -q

# Query.
check "query entities" 0 "" -- "$bin" query "$tmp/all.json" entities --type Person
grep -q "Maria Lopez" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: query entities"; failed=$((failed + 1)); }
check "query neighbors particle" 0 "" -- "$bin" query "$tmp/all.json" neighbors 알리바바의 --relation co_mentioned
grep -q "Qwen" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: query neighbors"; failed=$((failed + 1)); }
check "query unknown name" 1 'no entity named "알리바비"; closest names: "알리바바"' -- "$bin" query "$tmp/all.json" neighbors 알리바비
check "query claims json" 0 "" -- "$bin" query "$tmp/all.json" claims --by "Maria Lopez" --json
python3 - "$tmp/out" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: query claims --json"; failed=$((failed + 1)); }
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows and all(r["speaker_label"] == "Maria Lopez" and r["speaker"].startswith("ent:") for r in rows)
assert all(isinstance(r["start"], int) and isinstance(r["negated"], bool) and r["id"].startswith("claim:") for r in rows)
PY
check "query path" 0 "" -- "$bin" query "$tmp/all.json" path Alibaba Qwen
# --json is typed: numbers, arrays, ids and offsets as fields.
check "query entities json" 0 "" -- "$bin" query "$tmp/all.json" entities --json
python3 - "$tmp/out" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: query entities --json typed"; failed=$((failed + 1)); }
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows and all(isinstance(r["mentions"], int) and isinstance(r["aliases"], list) and r["id"].startswith("ent:") for r in rows)
PY
check "query path json" 0 "" -- "$bin" query "$tmp/all.json" path Alibaba Qwen --json
python3 - "$tmp/out" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: query path --json typed"; failed=$((failed + 1)); }
import json, sys
steps = json.load(open(sys.argv[1]))
assert steps and steps[0]["from"] == "ent:alibaba" and steps[-1]["to"] == "ent:qwen"
assert all(isinstance(s["forward"], bool) and (s["evidence"] is None or isinstance(s["evidence"]["start"], int)) for s in steps)
PY
# A filter value is taken in any case when that is unambiguous; a mistyped
# one is a usage error that lists the valid values.
check "query --type any case" 0 "" -- "$bin" query "$tmp/all.json" entities --type person
grep -q "Maria Lopez" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: --type person"; failed=$((failed + 1)); }
check "query --type mistyped" 2 '--type "persn" is no entity type (did you mean "Person"?); one of: ' -- "$bin" query "$tmp/all.json" entities --type persn
check "query --relation mistyped" 2 '--relation "develop" is no relation (did you mean "develops"?)' -- "$bin" query "$tmp/all.json" relations --relation develop
check "query --cue mistyped" 2 '--cue "sayy" is no cue (did you mean "say"?)' -- "$bin" query "$tmp/all.json" claims --cue sayy
check "query --via mistyped" 2 '--via "co-mentioned" is no relation' -- "$bin" query "$tmp/all.json" path Alibaba Qwen --via co-mentioned
# --max-nodes: an HTML page of the most connected nodes, said in its title;
# other formats refuse it.
check "--max-nodes" 0 "" -- "$bin" build "$ex" -o "$tmp/top.html" -q --max-nodes 20
python3 - "$tmp/top.html" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: --max-nodes page"; failed=$((failed + 1)); }
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
graph = json.loads(re.search(r'<script type="application/json" id="claimgraph-graph">(.*?)</script>', page, re.S).group(1))
assert len(graph["nodes"]) == 20, len(graph["nodes"])
ids = {n["id"] for n in graph["nodes"]}
assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
assert "the 20 most connected of" in re.search("<title>(.*?)</title>", page).group(1)
PY
check "--max-nodes with JSON" 2 "--max-nodes shapes an HTML page; write one with -o FILE.html" -- \
  "$bin" build "$ex/news_ko.txt" -o "$tmp/top.json" --max-nodes 20
check "--max-nodes 0" 2 '--max-nodes needs a positive number, not "0"' -- "$bin" build "$ex/news_ko.txt" -o "$tmp/top.html" --max-nodes 0
# Dated claims: --since/--until, and a timeline with the documents' titles.
"$bin" build "$ex/docs.jsonl" -o "$tmp/dated.json" -q
check "query claims --since --until" 0 "" -- "$bin" query "$tmp/dated.json" claims --since 2025-10-01 --until 2025-10-02 --json
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); assert rows and all("2025-10-01" <= r["date"] <= "2025-10-02" for r in rows)' "$tmp/out" \
  && passed=$((passed + 1)) || { echo "FAIL: query claims --since --until"; failed=$((failed + 1)); }
check "query timeline" 0 "" -- "$bin" query "$tmp/dated.json" timeline 딥시크의 --json
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); assert rows and [r["date"] for r in rows] == sorted(r["date"] for r in rows) and rows[0]["title"].startswith("딥시크") and all(isinstance(r["by"], bool) for r in rows)' "$tmp/out" \
  && passed=$((passed + 1)) || { echo "FAIL: query timeline"; failed=$((failed + 1)); }
check "query --since not a day" 2 'claimgraph query: --since needs a day as YYYY-MM-DD, not "2025-1-1"' -- \
  "$bin" query "$tmp/dated.json" claims --since 2025-1-1
check "query stats graphml" 0 "" -- "$bin" query "$tmp/g1.graphml" stats
grep -q "connected component" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: query stats"; failed=$((failed + 1)); }
check "query subgraph" 0 "nodes" -- "$bin" query "$tmp/all.json" subgraph Alibaba --hops 1 -o "$tmp/sub.graphml"
check "query subgraph html" 0 "-> $tmp/sub.html" -- "$bin" query "$tmp/all.json" subgraph 알리바바 --hops 1 -o "$tmp/sub.html"
grep -q '<script type="application/json" id="claimgraph-documents">{}</script>' "$tmp/sub.html" && grep -q '"ent:alibaba"' "$tmp/sub.html" \
  && passed=$((passed + 1)) || { echo "FAIL: query subgraph -o x.html"; failed=$((failed + 1)); }
check "query subgraph neo4j" 0 "" -- "$bin" query "$tmp/all.json" subgraph Alibaba --format neo4j -o "$tmp/sub-neo4j"
[[ -f $tmp/sub-neo4j/relationships.csv ]] && passed=$((passed + 1)) || { echo "FAIL: query subgraph --format neo4j"; failed=$((failed + 1)); }
check "query unknown verb" 2 'unknown verb "frob"' -- "$bin" query "$tmp/all.json" frob
check "query verb before graph" 2 "the graph comes before the verb: claimgraph query $tmp/all.json stats" -- "$bin" query stats "$tmp/all.json"
check "query bad graph" 1 "$tmp/bad.jsonl:1: error" -- "$bin" query "$tmp/bad.jsonl" stats
check "query missing graph" 1 "cannot open graph file" -- "$bin" query "$tmp/none.json" stats
# Table columns stay within 100 display columns, Hangul counting two.
"$bin" query "$tmp/all.json" entities >"$tmp/table.txt"
python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
assert max(w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) <= 100' "$tmp/table.txt" \
  && passed=$((passed + 1)) || { echo "FAIL: a table line is wider than 100 columns"; failed=$((failed + 1)); }

# Rule authoring.
check "rules check" 0 "" -- "$bin" rules check
grep -q "gazetteer entries" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: rules check counts"; failed=$((failed + 1)); }
check "rules check broken" 1 "bad_many/patterns/p.json:1:43: error: invalid re2 pattern" -- "$bin" rules check --rules "$src/tests/testdata/rules/bad_many"
check "rules test default pack" 0 "" -- "$bin" rules test
grep -q " passed, 0 failed" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: rules test summary"; failed=$((failed + 1)); }
check "rules test filter" 0 "" -- "$bin" rules test --filter en.rel
if grep -q "^ko\." "$tmp/out"; then echo "FAIL: --filter"; failed=$((failed + 1)); else passed=$((passed + 1)); fi
check "rules stats" 0 "" -- "$bin" rules stats "$ex/news_ko.txt" "$ex/docs.jsonl"
grep -q "never fire" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: rules stats"; failed=$((failed + 1)); }
grep -Eq "^ko\.org\.suffix +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+% +[0-9]+" "$tmp/out" && passed=$((passed + 1)) ||
  { echo "FAIL: rules stats: no time and program columns"; failed=$((failed + 1)); }
check "layered rules" 0 "" -- "$bin" build - --rules builtin --rules "$src/tests/testdata/rules/ok_overlay" -q <<<"누리그룹이 발표했다."
grep -q '"ent:nuri-group"' "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: layered rules"; failed=$((failed + 1)); }
check "explain" 0 "" -- "$bin" explain "$ex/news_ko.txt" --sentence 3
grep -q "^\[3\]" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: explain --sentence"; failed=$((failed + 1)); }
check "explain why" 0 "" -- "$bin" explain --why "구글링"
grep -q 'followed by "링", not a particle' "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: explain --why"; failed=$((failed + 1)); }
check "explain usage" 2 "give one FILE, or --why TEXT" -- "$bin" explain
check "eval" 0 "" -- "$bin" eval "$ex/claims_ko.txt" "$ex/claims_en.txt" --gold "$ex/gold" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["documents"] == 2 and d["claims"]["f1"] == 1.0, d' "$tmp/out" \
  && passed=$((passed + 1)) || { echo "FAIL: eval --json"; failed=$((failed + 1)); }
check "eval no gold" 1 "gold directory not found" -- "$bin" eval "$ex/claims_ko.txt" --gold "$tmp/nogold"

# Hostile and broken input (docs/reliability.md).
printf 'Alibaba \xff\xfe said so.' >"$tmp/lossy.txt"
check "lossy" 0 "$tmp/lossy.txt: warning: invalid UTF-8 at byte 8 replaced with U+FFFD" -- "$bin" build "$tmp/lossy.txt" --lossy -q
grep -q '"ent:alibaba"' "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: --lossy output"; failed=$((failed + 1)); }
printf '\xef\xbb\xbf알리바바는 말했다.\r\n텐센트도\r말했다.\x00 끝' >"$tmp/bom.txt"
check "BOM, CRLF, lone CR, NUL" 0 "" -- "$bin" build "$tmp/bom.txt" -q
python3 - "$tmp/out" "$tmp/bom.txt" <<'PY' && passed=$((passed + 1)) || { echo "FAIL: BOM/CRLF offsets"; failed=$((failed + 1)); }
import json, sys
g = json.load(open(sys.argv[1])); text = open(sys.argv[2], encoding="utf-8", newline="").read()
ms = [m for n in g["nodes"] if n["kind"] == "entity" for m in n["mentions"]]
assert len(ms) == 2 and all(text[m["start"]:m["end"]] == m["text"] for m in ms), ms
PY
: >"$tmp/empty.txt"
check "empty file" 0 "$tmp/empty.txt: warning: file is empty; read as a document with no text" -- "$bin" build "$tmp/empty.txt"
check "empty file among others" 0 "$tmp/empty.txt: warning: file is empty" -- "$bin" build "$tmp/empty.txt" "$ex/news_ko.txt" -q
# Every document skipped: an error, and the old output stays.
printf 'abc\xff' >"$tmp/bad2.txt"
"$bin" build "$ex/news_ko.txt" -o "$tmp/kept.json" -q
cp "$tmp/kept.json" "$tmp/kept0.json"
check "every document skipped" 1 "every document (1) was skipped as bad; no output written, $tmp/kept.json left unchanged" -- \
  "$bin" build "$tmp/bad2.txt" --on-error skip -o "$tmp/kept.json" -q
cmp -s "$tmp/kept.json" "$tmp/kept0.json" && passed=$((passed + 1)) || { echo "FAIL: skipped run changed the output"; failed=$((failed + 1)); }
# Files that are not what they seem: a directory as a graph, /dev/zero as a
# document or a graph; -j far past the cores.
check "a directory as a graph (query)" 1 "$tmp: error: is a directory, not a graph file" -- "$bin" query "$tmp" stats
check "a directory as a graph (merge)" 1 "$tmp: error: is a directory, not a graph file" -- "$bin" merge "$tmp" -o "$tmp/m.json"
check "/dev/zero as a document" 1 "/dev/zero: error: document \"zero\" has more than 67108864 bytes, the limit" -- "$bin" build /dev/zero -q
# (/dev/zero as a graph is read up to 1 GiB, then refused: too much memory
# for a test.)
check "-j 100000" 0 "is more than" -- "$bin" build "$ex/news_ko.txt" -j 100000 -o "$tmp/j.json"
ln -s in-loop-b.txt "$tmp/in-loop-a.txt"
ln -s in-loop-a.txt "$tmp/in-loop-b.txt"
check "an input in a symlink loop" 1 "$tmp/in-loop-a.txt: error: a loop of symbolic links" -- "$bin" build "$tmp/in-loop-a.txt"
ln -s nowhere.txt "$tmp/dangling.txt"
check "a dangling input symlink" 1 "$tmp/dangling.txt: error: a symbolic link to nothing (nowhere.txt)" -- "$bin" build "$tmp/dangling.txt"
python3 -c 'print("{\"text\": " + "["*10000 + "]"*10000 + "}")' >"$tmp/deep.jsonl"
check "deep nesting" 1 "$tmp/deep.jsonl:1: error: \"text\" is not a string" -- "$bin" build "$tmp/deep.jsonl"
python3 -c 'import sys; sys.stdout.write("{\"id\": \"big\", \"text\": \"" + "가" * (70 * 1024 * 1024 // 3) + "\"}\n")' >"$tmp/big.jsonl"
check "huge line" 1 "$tmp/big.jsonl:1: error: line has 73400" -- "$bin" build "$tmp/big.jsonl"
rm -f "$tmp/big.jsonl"
printf '{"id": "a", "text": "알리바바"}\n{"id": "a", "text": "텐센트"}\n' >"$tmp/dup.jsonl"
check "duplicate ids" 1 'error: duplicate document id "a" (first read from' -- "$bin" build "$tmp/dup.jsonl"
# --on-error skip: the good documents give the same graph as alone.
printf '{"id": "g1", "text": "알리바바와 텐센트가 경쟁한다."}\n{"id": "b1", "text": 5}\nnot json\n{"id": "g2", "text": "Nvidia said demand was strong."}\n' >"$tmp/mixed.jsonl"
printf '{"id": "g1", "text": "알리바바와 텐센트가 경쟁한다."}\n{"id": "g2", "text": "Nvidia said demand was strong."}\n' >"$tmp/good.jsonl"
check "skip bad documents" 0 "2 bad documents skipped" -- "$bin" build "$tmp/mixed.jsonl" --on-error skip -o "$tmp/mixed.json"
"$bin" build "$tmp/good.jsonl" -o "$tmp/good.json" -q
if cmp -s "$tmp/mixed.json" "$tmp/good.json"; then passed=$((passed + 1)); else echo "FAIL: skip changed the good documents' graph"; failed=$((failed + 1)); fi
check "bad --on-error" 2 "--on-error is fail or skip" -- "$bin" build "$tmp/good.jsonl" --on-error maybe
# A file-size limit (disk full) leaves the previous output intact.
cp "$tmp/good.json" "$tmp/keep2.json"
(ulimit -f 1; "$bin" build "$ex/news_ko.txt" -o "$tmp/keep2.json" -q) 2>"$tmp/err"
if [[ $? -eq 1 ]] && grep -q "cannot write output: File too large" "$tmp/err" && cmp -s "$tmp/good.json" "$tmp/keep2.json"; then
  passed=$((passed + 1)); else echo "FAIL: write under a file-size limit"; cat "$tmp/err"; failed=$((failed + 1)); fi
# The same for merge and query -o (they once died of SIGXFSZ, exit 153,
# with their temporary files left).
for verb in merge query; do
  cp "$tmp/good.json" "$tmp/keep4.json"
  if [[ $verb == merge ]]; then
    (ulimit -f 1; "$bin" merge "$src/tests/golden/news_ko.json" "$tmp/good.json" -o "$tmp/keep4.json" -q) 2>"$tmp/err"
  else
    (ulimit -f 1; "$bin" query "$tmp/good.json" subgraph "$(grep -o '"ent:[a-z0-9-]*"' "$tmp/good.json" | head -1 | tr -d '"')" --pretty -o "$tmp/keep4.json") 2>"$tmp/err"
  fi
  code=$?
  if [[ $code -eq 1 ]] && grep -q "cannot write output: File too large" "$tmp/err" && cmp -s "$tmp/good.json" "$tmp/keep4.json" &&
     ! ls -a "$tmp" | grep -q '\.tmp-'; then
    passed=$((passed + 1)); else echo "FAIL: $verb under a file-size limit (exit $code)"; cat "$tmp/err"; failed=$((failed + 1)); fi
done
# extract writes to stdout: a file-size limit there is a write error too
# (exit 1 with a message), not a silent SIGXFSZ kill (exit 153).
(ulimit -f 1; "$bin" extract "$ex/evalset/docs.jsonl" >"$tmp/big-extract.jsonl") 2>"$tmp/err"
code=$?
if [[ $code -eq 1 ]] && grep -q "claimgraph extract: cannot write to stdout" "$tmp/err"; then
  passed=$((passed + 1)); else echo "FAIL: extract > a file under a file-size limit (exit $code)"; cat "$tmp/err"; failed=$((failed + 1)); fi
# SIGINT during a long run: exit 130, previous output intact, no temporary file.
# The input is a pipe that never ends (a file of fixed size may be built
# before the signal arrives), fed until the build stops reading it.
mkfifo "$tmp/long.jsonl"
python3 -c '
import itertools, json, sys
text = open(sys.argv[1], encoding="utf-8").read()
try:
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for i in itertools.count(): f.write(json.dumps({"id": "d%d" % i, "text": text}, ensure_ascii=False) + "\n")
except OSError:  # the build stopped reading
    pass' "$ex/news_ko.txt" "$tmp/long.jsonl" 2>/dev/null &
feeder=$!
cp "$tmp/good.json" "$tmp/keep3.json"
# (timeout passes the SIGINT on, and ends the build should it ignore it.)
timeout 120 "$bin" build "$tmp/long.jsonl" -o "$tmp/keep3.json" -q -j 1 2>"$tmp/err" &
pid=$!
sleep 1
kill -INT $pid
wait $pid
code=$?
kill $feeder 2>/dev/null
wait $feeder 2>/dev/null
if [[ $code -eq 130 ]] && grep -q "interrupted by SIGINT" "$tmp/err" && cmp -s "$tmp/good.json" "$tmp/keep3.json" && ! ls -a "$tmp" | grep -q '\.tmp-'; then
  passed=$((passed + 1)); else echo "FAIL: SIGINT (exit $code)"; cat "$tmp/err"; failed=$((failed + 1)); fi
# GraphML from elsewhere: unknown keys kept, entity declarations not expanded, undeclared nodes named.
cat >"$tmp/odd.graphml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
 <key id="k0" for="node" attr.name="node_id" attr.type="string"/>
 <key id="k1" for="node" attr.name="shoe_size" attr.type="int"/>
 <graph id="G" edgedefault="directed" parse.nodes="10000000"><node id="n0"><data key="k0">ent:a</data><data key="k1">44</data></node></graph>
</graphml>
XML
check "odd graphml" 0 "" -- "$bin" query "$tmp/odd.graphml" entities --json
grep -q '"id":"ent:a"' "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL: odd graphml"; failed=$((failed + 1)); }
sed 's|</node></graph>|</node><edge id="e0" source="n0" target="n9"/></graph>|' "$tmp/odd.graphml" >"$tmp/dangling.graphml"
check "graphml dangling edge" 1 "\"n9\" is not the id of a node (an edge names an undeclared node)" -- "$bin" query "$tmp/dangling.graphml" stats

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
