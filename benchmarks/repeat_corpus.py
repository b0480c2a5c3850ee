#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Repeats a JSONL corpus until it reaches a size, each copy's ids made unique ("ID-rN"):
the throughput corpus of the performance issue (the development set repeated to 20 MB).

    python3 benchmarks/repeat_corpus.py ../shared/eval/dev/docs.jsonl --mb 20 -o dev20.jsonl
    python3 benchmarks/repeat_corpus.py examples/control/docs.jsonl --korean --text-only --mb 19.1 -o ko20.jsonl
"""

import argparse
import json


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--mb", type=float, default=20, help="size to reach, in 2^20 bytes (default 20)")
    parser.add_argument("--korean", action="store_true",
                        help="only the documents whose text is at least 30%% Hangul syllables")
    parser.add_argument("--text-only", action="store_true", help="keep each document's id and text only")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    if args.korean:
        docs = [d for d in docs if sum("\uac00" <= c <= "\ud7a3" for c in d["text"]) >= 0.3 * len(d["text"])]
    if not docs:
        parser.error(f"{args.corpus} has no documents")
    size, copy = 0, 0
    with open(args.output, "w", encoding="utf-8") as out:
        while size < args.mb * (1 << 20):
            for source in docs:
                doc = {"id": None, "text": source["text"]} if args.text_only else dict(source)
                doc["id"] = f"{source.get('id', 'doc')}-r{copy}"
                line = json.dumps(doc, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
            copy += 1
    print(f"{args.output}: {copy} copies of {len(docs)} documents, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
