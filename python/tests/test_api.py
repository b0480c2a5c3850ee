# SPDX-License-Identifier: Apache-2.0
"""The module's surface as scripts use it: rule packs, extract, build, queries, I/O."""

import concurrent.futures
import json

import pytest

import claimgraph

# Our own sentences: a claim with a titled speaker, a release, a ranking.
KO = ("카일 찬 프린스턴대 교수는 \"중국의 AI 정책은 모델 성능보다 산업 확산에 무게를 두고 있다\"고 말했다. "
      "알리바바는 지난주 큐원3-맥스를 공개했다. "
      "텐센트의 '훈위안 이미지 3.0'은 LM 아레나에서 1위에 올랐다.")
EN = "Kyle Chan, a researcher at Princeton University, said that China is betting on diffusion."


def test_default_pack_is_loaded_once_and_counted():
    rules = claimgraph.RulePack.default()
    assert rules.layers == ["builtin"]
    assert rules.entity_count > 300 and rules.alias_count > rules.entity_count
    # Claims come from the cue grammar; attribution rules are a pack's own extension.
    assert rules.pattern_count > 0 and rules.attribution_rule_count == 0 and rules.cue_count > 0
    assert "RulePack" in repr(rules)


def test_layered_pack_adds_entities(repo):
    overlay = repo / "tests" / "testdata" / "rules" / "ok_overlay"
    base = claimgraph.RulePack.default()
    rules = claimgraph.RulePack.load(overlay, base=base)
    assert rules.layers == ["builtin", str(overlay)]
    assert rules.entity_count == base.entity_count + 1
    # The overlay adds a spelling of Alibaba that the default pack does not know.
    text = "아리바바는 새 모델을 공개했다."
    assert [m.entity_id for m in claimgraph.extract(text, rules=rules).entities] == ["ent:alibaba"]
    assert [m.entity_id for m in claimgraph.extract(text, rules=base).entities] == []
    # A list of layers is the same pack.
    same = claimgraph.RulePack.load(["builtin", overlay])
    assert same.entity_count == rules.entity_count


def test_extract_returns_spans_rules_and_attributes():
    ex = claimgraph.extract(KO, id="d1")
    assert ex.id == "d1" and ex.chars == len(KO)
    ids = {m.entity_id for m in ex.entities}
    assert {"ent:kyle-chan", "ent:alibaba", "ent:qwen3-max", "ent:tencent"} <= ids
    for m in ex.entities:
        assert KO[m.start:m.end] == m.text and m.rule and m.type
    for start, end in ex.sentences:
        assert 0 <= start < end <= len(KO)
    (claim,) = [c for c in ex.claims if c.speaker == "ent:kyle-chan"]
    assert KO[claim.start:claim.end] == claim.text
    assert "산업 확산" in claim.text and claim.cue == "말하다" and claim.modality == "asserted"
    assert claim.id.startswith("claim:d1:") and claim.rule.startswith("ko.")
    relations = {(r.source, r.relation, r.target) for r in ex.relations}
    assert ("ent:alibaba", "released", "ent:qwen3-max") in relations
    for r in ex.relations:
        assert 0 <= r.start < r.end <= len(KO) and r.rule


def test_extract_takes_a_document_dict_and_bytes():
    a = claimgraph.extract({"id": "x", "text": EN, "date": "2025-09-30"})
    b = claimgraph.extract(EN.encode("utf-8"), id="x", date="2025-09-30")
    assert a.id == b.id == "x"
    assert [(m.entity_id, m.start) for m in a.entities] == [(m.entity_id, m.start) for m in b.entities]
    assert any(c.speaker == "ent:kyle-chan" for c in a.claims)


def test_extract_in_a_thread_pool_gives_the_sequential_results(repo):
    docs = claimgraph.read_documents(repo / "examples" / "docs.jsonl") * 4
    docs = [dict(d, id=f"{d['id']}-{i}") for i, d in enumerate(docs)]
    key = lambda ex: [(m.entity_id, m.start, m.end, m.rule) for m in ex.entities] + [  # noqa: E731
        (c.id, c.speaker, c.start, c.end) for c in ex.claims]
    sequential = [key(claimgraph.extract(d)) for d in docs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        parallel = [key(ex) for ex in pool.map(claimgraph.extract, docs)]
    assert parallel == sequential


def test_build_from_strings_numbers_the_documents():
    g = claimgraph.build([KO, EN], jobs=2)
    assert [d["id"] for d in g.documents()] == ["d1", "d2"]
    assert "Alibaba" in g and "알리바바의" in g and "nobody at all" not in g
    ids = {n["id"] for n in g.nodes()}
    assert {"ent:alibaba", "ent:kyle-chan"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in g.edges())
    assert repr(g).startswith("<claimgraph.Graph:")


def test_build_takes_a_generator_larger_than_a_batch():
    docs = ({"id": f"n{i}", "text": KO} for i in range(1500))
    g = claimgraph.build(docs, jobs=2)
    assert len(g.documents()) == 1500
    alibaba = g.node("알리바바")
    assert alibaba["id"] == "ent:alibaba" and len(alibaba["mentions"]) == 1500


def test_queries_answer_like_the_cli(repo):
    g = claimgraph.build(claimgraph.read_documents(repo / "examples" / "news_ko.txt"))
    assert g.find("알리바바의") == "ent:alibaba"
    neighbors = g.neighbors("텐센트", relation="develops", direction="out")
    assert neighbors == [{"id": "ent:hunyuan-image-3-0", "label": "Hunyuan-Image-3.0", "kind": "entity",
                          "type": "Model", "relation": "develops", "direction": "out", "weight": 1}]
    assert g.neighbors("Hunyuan-Image-3.0", relation="develops", direction="out") == []
    # Stated relations first (Tencent develops the model that ranks on LM Arena), each hop with
    # the span that says it; with via, the co-mention of one sentence (smaller id first).
    path = g.path("Tencent", "LM Arena")
    assert [(s["from"], s["relation"], s["to"]) for s in path] == [
        ("ent:tencent", "develops", "ent:hunyuan-image-3-0"), ("ent:hunyuan-image-3-0", "ranks_on", "ent:lm-arena")]
    assert all(s["evidence"]["doc"] == "news_ko" for s in path)
    assert [(s["relation"], s["forward"]) for s in g.path("Tencent", "LM Arena", via="co_mentioned")] == [
        ("co_mentioned", False)]
    apart = claimgraph.build(["알리바바는 큐원3-맥스를 공개했다.", "텐센트는 새 모델을 내놓았다."])
    assert apart.path("Alibaba", "Tencent") is None
    claims = g.claims()
    assert claims and all(c["kind"] == "claim" for c in claims)
    assert [c["id"] for c in g.claims(about="중국")] == ["claim:news_ko:1", "claim:news_ko:10", "claim:news_ko:3",
                                                        "claim:news_ko:4", "claim:news_ko:6", "claim:news_ko:8"]
    assert [c["id"] for c in g.claims(by="박서준", about="China")] == ["claim:news_ko:6"]
    assert g.claims(by="Bloomberg")[0]["speaker_status"] == "named"
    sub = g.subgraph("Alibaba", hops=1)
    assert "ent:alibaba" in {n["id"] for n in sub.nodes()} and sub.node_count < g.node_count
    stats = g.stats(top=3)
    assert stats["nodes"] == g.node_count and stats["edges"] == g.edge_count and len(stats["top_degree"]) == 3
    assert g.claim_count == sum(1 for n in g.nodes() if n["kind"] == "claim") > 0


def test_documents_keep_their_metadata_and_claims_their_dates(repo, tmp_path):
    g = claimgraph.build(claimgraph.read_documents(repo / "examples" / "docs.jsonl"))
    docs = {d["id"]: d for d in g.documents()}
    assert docs["doc-002"]["date"] == "2025-10-01" and docs["doc-002"]["lang"] == "ko"
    assert docs["doc-002"]["title"].startswith("딥시크")
    dated = g.claims(since="2025-10-01", until="2025-10-01")
    assert dated and all(c["date"] == "2025-10-01" for c in dated)
    assert {c["date_source"] for c in g.claims()} <= {"sentence", "document"}
    line = g.timeline("DeepSeek")
    assert line and line[0]["by"] and line[0]["claim"]["date"] == "2025-10-01"
    with pytest.raises(claimgraph.ArgumentError):
        g.claims(since="October")
    # Kept through a file and a merge.
    g.write(tmp_path / "g.graphml")
    assert claimgraph.read(tmp_path / "g.graphml").documents() == g.documents()


def test_write_and_read_round_trip(repo, tmp_path):
    g = claimgraph.build(claimgraph.read_documents(repo / "examples" / "news_en.txt"))
    g.write(tmp_path / "g.json")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == g.to_json()
    assert claimgraph.read(tmp_path / "g.json").to_json() == g.to_json()
    assert claimgraph.loads(g.to_json(pretty=False)).to_json() == g.to_json()
    g.write(str(tmp_path / "g.graphml"))
    back = claimgraph.read(tmp_path / "g.graphml")
    assert [n["id"] for n in back.nodes()] == [n["id"] for n in g.nodes()]
    assert back.edge_count == g.edge_count
    assert json.loads(g.to_json()) == g.to_dict()


def test_merge_is_order_free(repo):
    docs = claimgraph.read_documents(repo / "examples" / "docs.jsonl")
    a = claimgraph.build(docs[:2])
    b = claimgraph.build(docs[2:])
    ab = claimgraph.merge([a, b])
    assert ab.to_json() == claimgraph.merge([b, a]).to_json() == claimgraph.build(docs).to_json()
    a.merge(b)
    assert a.to_json() == ab.to_json()


def test_kyle_chan_claims_are_networkx_nodes():
    nxg = claimgraph.build([EN]).to_networkx()
    claims = [n for n, d in nxg.nodes(data=True) if d["kind"] == "claim"]
    assert claims
    speakers = {u for c in claims for u, _, d in nxg.in_edges(c, data=True) if d["relation"] == "asserts"}
    assert speakers == {"ent:kyle-chan"}


def test_version_matches_the_cli(cli):
    from conftest import run_cli
    code, out, _ = run_cli(cli, "--version")
    assert code == 0 and claimgraph.__version__ in out


@pytest.mark.parametrize("jobs", [0, -1])
def test_build_rejects_bad_jobs(jobs):
    with pytest.raises(claimgraph.ArgumentError):
        claimgraph.build([KO], jobs=jobs)


def test_readme_python_example_runs(repo, seed, capsys, monkeypatch):
    text = (repo / "README.md").read_text(encoding="utf-8")
    start = text.index("```python\n", text.index("## Python")) + len("```python\n")
    code = text[start:text.index("```", start)]
    monkeypatch.chdir(repo)
    namespace = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 (our own README)
    out = capsys.readouterr().out.splitlines()
    assert len(out) >= 4 and "ent:" in out[-2]
    nodes, edges = map(int, out[-1].split())
    assert nodes == namespace["graph"].node_count and edges == namespace["graph"].edge_count


def test_every_output_format_of_the_table_is_written(repo, tmp_path):
    g = claimgraph.build(claimgraph.read_documents(repo / "examples" / "news_en.txt"))
    table = claimgraph.formats()
    names = {f["name"] for f in table}
    assert {"json", "graphml", "dot", "html", "gexf", "cyjs", "neo4j"} <= names
    for f in table:
        if not f["output"]:
            continue
        if f["directory"]:
            g.write(tmp_path / f["name"], format=f["name"])
            assert (tmp_path / f["name"] / "relationships.csv").stat().st_size > 0
            continue
        for ext in f["extensions"]:
            path = tmp_path / ("g" + ext)
            g.write(path)
            assert path.stat().st_size > 0
            if f["readable"]:
                assert claimgraph.read(path).node_count == g.node_count
    with pytest.raises(claimgraph.ArgumentError, match='unknown format "csv"'):
        g.write(tmp_path / "x", format="csv")
