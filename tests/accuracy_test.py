#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Accuracy floors (CTest label `accuracy`), measured on text the rules
were not written from:

  dev      ../shared/eval/dev (30 annotated AI-news documents), scored by
           its own scorer; `claimgraph eval` must give the same figures.
           Skipped, with a message, where ../shared is absent.
  evalset  examples/evalset: our own articles, written before the rules
           that read them (docs/eval.md has their first-run figures).
  control  examples/control: general-news paragraphs where titles,
           surnames and particles abound but the gazetteer knows nobody;
           precision of Person and Organization must stay >= 0.90.

Usage: accuracy_test.py CLAIMGRAPH SOURCE_DIR {dev|evalset|control}

Floors sit just under the figures reached (docs/eval.md) and only go up.
"""
import json
import os
import subprocess
import sys
import tempfile

# (precision, recall) floors per metric.
FLOORS = {
    "dev": {
        "entities": (0.97, 0.88),
        "entities+type": (0.96, 0.87),
        "claims": (0.96, 0.87),
        "claims+speaker": (0.88, 0.79),
        "relations": (0.98, 0.45),
    },
    "evalset": {
        "entities": (0.98, 0.90),
        "entities+type": (0.97, 0.89),
        "claims": (0.99, 0.94),
        "claims+speaker": (0.86, 0.82),
        "relations": (0.97, 0.43),
    },
    "control": {
        "entities": (0.95, 0.42),
    },
}
# Agreement with the gold's hedging and negation, over matched claims.
AGREEMENT_FLOORS = {"dev": {"hedge": 0.94, "negation": 0.96}, "evalset": {"hedge": 0.93, "negation": 0.93}}
# Precision floors by entity type (control: the junk that open-class name
# rules must not produce).
TYPE_FLOORS = {"control": {"Person": 0.90, "Organization": 0.90}}


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    binary, source, which = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = []
    if which == "dev":
        shared = os.path.join(source, "..", "shared", "eval")
        if not os.path.isfile(os.path.join(shared, "score.py")):
            print("SKIPPED: ../shared/eval is absent (a fresh clone); CI scores the development set")
            return 0
        docs, gold = os.path.join(shared, "dev", "docs.jsonl"), os.path.join(shared, "dev", "gold")
    else:
        docs = os.path.join(source, "examples", which, "docs.jsonl")
        gold = os.path.join(source, "examples", which, "gold")
    ours = json.loads(run([binary, "eval", docs, "--gold", gold, "--json"]))
    names = {"entities": "entities", "entities+type": "entities+type", "claims": "claims",
             "claims+speaker": "claims+speaker", "relations": "relations"}
    if which == "dev":
        # The development set's own scorer, on the graph a user builds.
        with tempfile.TemporaryDirectory() as tmp:
            graph = os.path.join(tmp, "dev.json")
            run([binary, "build", docs, "-o", graph, "-q"])
            run([sys.executable, os.path.join(shared, "score.py"), graph, gold, "--json",
                 os.path.join(tmp, "score.json")])
            with open(os.path.join(tmp, "score.json"), encoding="utf-8") as f:
                theirs = json.load(f)["overall"]
        for metric in names:
            t = theirs[metric]
            o = ours[metric]
            same = (o["tp"], o["tp"] + o["fp"], o["tp"] + o["fn"]) == (t["tp"], t["pred"], t["gold"])
            print(f"{metric:16} scorer P={t['p']:.3f} R={t['r']:.3f} F1={t['f1']:.3f}"
                  f"  claimgraph eval tp={o['tp']} fp={o['fp']} fn={o['fn']}" + ("" if same else "  DIFFERENT"))
            if not same:
                failures.append(f"{metric}: claimgraph eval and the scorer disagree")
    for metric, (p_floor, r_floor) in FLOORS[which].items():
        s = ours[names[metric]]
        print(f"{which} {metric:16} P={s['precision']:.3f} (floor {p_floor:.2f})"
              f"  R={s['recall']:.3f} (floor {r_floor:.2f})  F1={s['f1']:.3f}")
        if s["precision"] < p_floor:
            failures.append(f"{metric} precision {s['precision']:.3f} < {p_floor}")
        if s["recall"] < r_floor:
            failures.append(f"{metric} recall {s['recall']:.3f} < {r_floor}")
    for kind, floor in AGREEMENT_FLOORS.get(which, {}).items():
        matched = ours["matched_claims"]
        share = ours[f"{kind}_agreement"] / matched if matched else 0.0
        print(f"{which} {kind} agreement {share:.3f} of {matched} matched claims (floor {floor:.2f})")
        if share < floor:
            failures.append(f"{kind} agreement {share:.3f} < {floor}")
    for entity_type, floor in TYPE_FLOORS.get(which, {}).items():
        s = ours["entities_by_type"].get(entity_type)
        if s is None:
            continue
        print(f"{which} {entity_type} precision {s['precision']:.3f} (floor {floor:.2f});"
              f" false hits: {s['false_hits']}")
        if s["precision"] < floor:
            failures.append(f"{entity_type} precision {s['precision']:.3f} < {floor}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
