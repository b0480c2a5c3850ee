# SPDX-License-Identifier: Apache-2.0
"""The Python API and the CLI give the same graph: byte-identical JSON for the seed and every
example input, and to_networkx() equal to networkx's own loading of the CLI's JSON."""

import json

import networkx as nx
import pytest

import claimgraph
from conftest import run_cli

EXAMPLES = ["news_ko.txt", "news_en.txt", "claims_ko.txt", "claims_en.txt", "docs.jsonl",
            "heldout/heldout_ko.txt", "heldout/heldout_en.txt"]


def cli_json(cli, path, tmp_path, *extra):
    out = tmp_path / "cli.json"
    code, _, err = run_cli(cli, "build", path, "-o", out, "-q", *extra)
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def node_link(data):
    """networkx's own loader, in the spelling of the installed version (DESIGN.md)."""
    try:
        return nx.node_link_graph(data, edges="edges")
    except TypeError:  # networkx < 3.4 (Debian 12 ships 2.8)
        return nx.node_link_graph(data, link="edges")


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_graph_equals_cli(cli, repo, tmp_path, name):
    path = repo / "examples" / name
    expected = cli_json(cli, path, tmp_path)
    docs = claimgraph.read_documents(path)
    for jobs in (1, 2):
        assert claimgraph.build(docs, jobs=jobs).to_json() == expected


def test_seed_graph_equals_cli(cli, seed, tmp_path):
    expected = cli_json(cli, seed, tmp_path)
    g = claimgraph.build(claimgraph.read_documents(seed), rules=claimgraph.RulePack.default(), jobs=2)
    assert g.to_json() == expected
    # A dict built by hand is the same document.
    by_hand = claimgraph.build([{"id": seed.stem, "text": seed.read_text(encoding="utf-8")}])
    assert by_hand.to_json() == expected


def test_seed_extract_offsets_slice_the_original(seed):
    text = seed.read_text(encoding="utf-8")
    ex = claimgraph.extract(text, id="seed")
    assert ex.entities and ex.claims and ex.relations
    for m in ex.entities:
        assert text[m.start:m.end] == m.text
        assert m.rule
    for c in ex.claims:
        assert text[c.start:c.end] == c.text
        assert c.rule
    for r in ex.relations:
        assert 0 <= r.start < r.end <= len(text) and r.rule


def test_seed_kyle_chan_claims(seed):
    g = claimgraph.build(claimgraph.read_documents(seed))
    claims = g.claims(by="Kyle Chan")
    assert claims, "the seed has claims by Kyle Chan"
    assert claims == g.claims(by="카일 찬")
    assert all(c["kind"] == "claim" and c["speaker"] == "ent:kyle-chan" for c in claims)


def test_several_inputs_equal_cli(cli, repo, tmp_path):
    paths = [repo / "examples" / "news_ko.txt", repo / "examples" / "docs.jsonl"]
    expected = cli_json(cli, paths[0], tmp_path, paths[1])
    docs = [d for p in paths for d in claimgraph.read_documents(p)]
    assert claimgraph.build(docs).to_json() == expected


@pytest.mark.parametrize("name", ["news_ko.txt", "docs.jsonl"])
def test_to_networkx_equals_networkx_loading_the_json(cli, repo, tmp_path, name):
    path = repo / "examples" / name
    loaded = node_link(json.loads(cli_json(cli, path, tmp_path)))
    ours = claimgraph.build(claimgraph.read_documents(path)).to_networkx()
    assert isinstance(ours, nx.MultiDiGraph)
    assert ours.graph == loaded.graph
    assert sorted(ours.nodes(data=True)) == sorted(loaded.nodes(data=True))
    key = lambda e: (e[0], e[1], e[2])  # noqa: E731
    assert sorted(ours.edges(keys=True, data=True), key=key) == sorted(loaded.edges(keys=True, data=True), key=key)


def test_extract_then_merge_equals_build(repo):
    docs = claimgraph.read_documents(repo / "examples" / "docs.jsonl")
    parts = [claimgraph.extract(d).to_graph() for d in docs]
    assert claimgraph.merge(parts).to_json() == claimgraph.build(docs).to_json()
    assert claimgraph.merge(reversed(parts)).to_json() == claimgraph.build(docs).to_json()
