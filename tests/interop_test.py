#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Interoperability: networkx and igraph (Debian's python3-networkx and
python3-igraph) load claimgraph's JSON and GraphML of the seed (or, without
the shared corpus, the examples) and agree on node and edge counts and labels.

Usage: interop_test.py CLAIMGRAPH_BINARY SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

binary, src = sys.argv[1], sys.argv[2]
try:
    import networkx as nx
    import igraph
except ImportError as e:  # a user's machine without the Python packages
    if os.environ.get("CI"):
        print(f"interop: {e}; CI must have python3-networkx and python3-igraph")
        sys.exit(1)
    print(f"SKIPPED: {e}; install python3-networkx python3-igraph")
    sys.exit(0)

seed = os.path.join(src, "..", "shared", "corpus", "seed-alibaba-ko.txt")
inputs = [seed] if os.path.exists(seed) else [
    os.path.join(src, "examples", "news_ko.txt"), os.path.join(src, "examples", "docs.jsonl")]
checks = 0
with tempfile.TemporaryDirectory() as tmp:
    paths = {}
    for ext in ("json", "graphml"):
        paths[ext] = os.path.join(tmp, "g." + ext)
        subprocess.run([binary, "build", *inputs, "-o", paths[ext], "-q"], check=True)

    data = json.load(open(paths["json"], encoding="utf-8"))
    try:
        g_json = nx.node_link_graph(data, edges="edges")  # networkx >= 3.4
    except TypeError:
        g_json = nx.node_link_graph(data, link="edges")   # Debian 12's networkx 2.8
    assert isinstance(g_json, nx.MultiDiGraph), type(g_json)
    g_ml = nx.read_graphml(paths["graphml"])
    ig = igraph.Graph.Read_GraphML(paths["graphml"])

    n, m = g_json.number_of_nodes(), g_json.number_of_edges()
    assert n > 0 and m > 0
    assert (g_ml.number_of_nodes(), g_ml.number_of_edges()) == (n, m), (g_ml, n, m)
    assert (ig.vcount(), ig.ecount()) == (n, m), (ig.vcount(), ig.ecount(), n, m)
    checks += 3

    labels_json = sorted(d["label"] for _, d in g_json.nodes(data=True))
    labels_ml = sorted(d["label"] for _, d in g_ml.nodes(data=True))
    labels_ig = sorted(ig.vs["label"])
    assert labels_json == labels_ml == labels_ig, (labels_json, labels_ml, labels_ig)
    checks += 1

    # GraphML's node ids are claimgraph's ids, and relations survive it.
    assert sorted(g_ml.nodes) == sorted(g_json.nodes), "node ids differ"
    assert sorted(ig.vs["id"]) == sorted(g_json.nodes), "igraph's node ids differ"
    rel_json = sorted(d["relation"] for _, _, d in g_json.edges(data=True))
    rel_ml = sorted(d["relation"] for _, _, d in g_ml.edges(data=True))
    assert rel_json == rel_ml, "relations differ"
    checks += 2

    # Lists travel as JSON strings in GraphML; offsets agree with the JSON
    # and are numbers; a node has only its own fields (an entity no claim
    # fields, a claim no aliases), as in the JSON.
    claims = 0
    for node_id, d in g_ml.nodes(data=True):
        node = g_json.nodes[node_id]
        assert d["kind"] == node["kind"]
        given = {k for k, v in node.items() if v != ""} - {"aliases", "mentions"}  # (networkx reads <data/> as absent)
        assert set(d) - {"mention_count", "aliases", "mentions"} == given, (node_id, sorted(set(d) ^ given))
        if node["kind"] == "entity":
            mentions = json.loads(d["mentions"])
            assert mentions == node["mentions"]
            assert d["mention_count"] == len(mentions)
            for key, value in node.items():
                if key not in ("aliases", "mentions") and isinstance(d[key], int):
                    assert str(d[key]) == value, (key, d[key], value)  # a plain integer, typed long
        else:
            claims += 1
            for key in ("text", "cue", "modality", "negated", "start", "end", "rule"):
                assert d[key] == node[key], (key, d[key], node[key])
            assert isinstance(d["start"], int) and isinstance(d["negated"], bool)
    checks += 1
    if inputs == [seed]:
        assert claims >= 10, claims
        speakers = {u for u, v, d in g_json.edges(data=True) if d["relation"] == "asserts"}
        assert {"ent:joe-tsai", "ent:kyle-chan", "ent:a16z"} <= speakers, speakers
        checks += 1

    # GEXF 1.2 (Gephi's format) loads in every networkx (Debian 12's 2.8 and
    # 3.x), with the same counts; dated documents make it dynamic, a claim
    # starting on its date (Gephi's timeline).
    paths["gexf"] = os.path.join(tmp, "g.gexf")
    subprocess.run([binary, "build", *inputs, "-o", paths["gexf"], "-q"], check=True)
    g_gexf = nx.read_gexf(paths["gexf"])
    assert (g_gexf.number_of_nodes(), g_gexf.number_of_edges()) == (n, m), (g_gexf, n, m)
    dated = os.path.join(src, "examples", "docs.jsonl")
    subprocess.run([binary, "build", dated, "-o", os.path.join(tmp, "dated.gexf"), "-q"], check=True)
    subprocess.run([binary, "build", dated, "-o", os.path.join(tmp, "dated.json"), "-q"], check=True)
    g_dated = nx.read_gexf(os.path.join(tmp, "dated.gexf"))
    assert g_dated.graph["mode"] == "dynamic", g_dated.graph
    claim_dates = {c["id"]: c["date"] for c in json.load(open(os.path.join(tmp, "dated.json")))["nodes"]
                   if c["kind"] == "claim" and "date" in c}
    assert claim_dates and all(g_dated.nodes[c]["start"] == d for c, d in claim_dates.items()), claim_dates
    checks += 2

    # Cytoscape.js JSON loads with networkx's cytoscape_graph, ids and
    # labels intact.
    cyjs = os.path.join(tmp, "g.cyjs")
    subprocess.run([binary, "build", *inputs, "-o", cyjs, "-q"], check=True)
    g_cy = nx.cytoscape_graph(json.load(open(cyjs, encoding="utf-8")))
    assert sorted(g_cy.nodes) == sorted(g_json.nodes), "cyjs node ids differ"
    assert g_cy.number_of_edges() == m, (g_cy.number_of_edges(), m)
    assert sorted(d["label"] for _, d in g_cy.nodes(data=True)) == labels_json
    checks += 1

    # Text no XML can hold (control characters in a quotation) still gives
    # GraphML and GEXF that networkx, igraph and claimgraph read back.
    hostile = os.path.join(tmp, "hostile.txt")
    with open(hostile, "w", encoding="utf-8") as f:
        f.write('알리바바는 "신모델\x01을 \x07공개했다"고 밝혔다. Nvidia said "chips\x02 are \x1b fine."\n')
    for ext in ("graphml", "gexf"):
        out = os.path.join(tmp, "hostile." + ext)
        subprocess.run([binary, "build", hostile, "-o", out, "-q"], check=True)
        g_h = nx.read_graphml(out) if ext == "graphml" else nx.read_gexf(out)
        assert g_h.number_of_nodes() >= 4, (ext, g_h)
    igraph.Graph.Read_GraphML(os.path.join(tmp, "hostile.graphml"))
    subprocess.run([binary, "query", os.path.join(tmp, "hostile.graphml"), "stats"], check=True,
                   stdout=subprocess.DEVNULL)
    checks += 1

print(f"interop: {checks} passed, 0 failed")
