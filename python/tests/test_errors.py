# SPDX-License-Identifier: Apache-2.0
"""Bad input raises claimgraph's exceptions, whose message is what the CLI prints (file, line)."""

import warnings

import pytest

import claimgraph
from conftest import run_cli

RULE_CASES = ["bad_alias", "bad_attribution", "bad_columns", "bad_cues", "bad_duplicate_id", "bad_group",
              "bad_json", "bad_many", "bad_re2", "bad_relation", "bad_type"]


def cli_error(cli, *args):
    code, _, err = run_cli(cli, *args)
    assert code == 1
    return err.rstrip("\n")


@pytest.mark.parametrize("case", RULE_CASES)
def test_bad_rule_pack_raises_rules_error_with_every_problem(repo, case):
    pack = repo / "tests" / "testdata" / "rules" / case
    expected = (pack / "expected.txt").read_text(encoding="utf-8").replace("{DIR}", str(pack)).rstrip("\n")
    with pytest.raises(claimgraph.RulesError) as info:
        claimgraph.RulePack.load(pack)
    assert str(info.value) == expected
    assert info.value.code == "invalid-rules"
    assert len(info.value.errors) == len(expected.splitlines())
    first = info.value.errors[0]
    assert first["file"].startswith(str(pack)) and first["line"] > 0
    assert isinstance(info.value, claimgraph.Error) and isinstance(info.value, ValueError)


def test_rules_error_message_is_the_clis(cli, repo, tmp_path):
    pack = repo / "tests" / "testdata" / "rules" / "bad_type"
    (tmp_path / "a.txt").write_text("알리바바", encoding="utf-8")
    with pytest.raises(claimgraph.RulesError) as info:
        claimgraph.RulePack.load(pack)
    assert str(info.value) == cli_error(cli, "build", tmp_path / "a.txt", "--rules", pack)


def test_missing_file_raises_file_error_like_the_cli(cli, tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(claimgraph.FileError) as info:
        claimgraph.read_documents(missing)
    assert isinstance(info.value, OSError)
    assert str(info.value) == cli_error(cli, "build", missing)
    assert str(missing) in str(info.value) and info.value.code == "io-error"
    with pytest.raises(claimgraph.FileError):
        claimgraph.RulePack.load(tmp_path / "no-such-pack")
    with pytest.raises(claimgraph.FileError):
        claimgraph.read(tmp_path / "no-such-graph.json")


def test_malformed_jsonl_line_names_file_and_line(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "알리바바"}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(claimgraph.InputError) as info:
        claimgraph.read_documents(bad)
    assert str(info.value).startswith(f"{bad}:2")
    assert str(info.value) == cli_error(cli, "build", bad)
    with pytest.warns(claimgraph.InputWarning, match=":2"):
        docs = claimgraph.read_documents(bad, on_error="skip")
    assert [d["id"] for d in docs] == ["a"]


def test_invalid_utf8_raises_input_error():
    with pytest.raises(claimgraph.InputError, match="invalid UTF-8 at byte 3"):
        claimgraph.extract(b"abc\xff\xfe", id="x")
    with pytest.raises(claimgraph.InputError, match=r'docs\[1\]: error: invalid UTF-8 at byte 1 of document "d2"'):
        claimgraph.build(["알리바바", b"a\xffb"])
    with pytest.warns(claimgraph.InputWarning):
        g = claimgraph.build(["알리바바", b"a\xffb"], lossy=True)
    assert len(g.documents()) == 2


def test_bad_documents_fail_or_are_skipped():
    docs = [{"id": "a", "text": "알리바바"}, {"id": "a", "text": "텐센트"}, {"id": "c"}]
    with pytest.raises(claimgraph.InputError, match=r'duplicate document id "a" \(first read from docs\[0\]\)'):
        claimgraph.build(docs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = claimgraph.build(docs, on_error="skip")
    assert [d["id"] for d in g.documents()] == ["a"]
    messages = [str(w.message) for w in caught]
    assert any("duplicate document id" in m and "skipped" in m for m in messages)
    assert any('"c" has no "text"' in m for m in messages)
    with pytest.raises(TypeError):
        claimgraph.build([42])
    with pytest.raises(TypeError):
        claimgraph.extract(None)


def test_unknown_names_and_formats_raise_argument_error(tmp_path):
    g = claimgraph.build(["알리바바는 큐원3-맥스를 공개했다."])
    with pytest.raises(claimgraph.ArgumentError, match='no entity named "Alibabba"; closest names: "Alibaba"'):
        g.neighbors("Alibabba")
    with pytest.raises(claimgraph.ArgumentError, match='unknown output format ".txt"'):
        g.write(tmp_path / "graph.txt")
    assert not (tmp_path / "graph.txt").exists()
    with pytest.raises(claimgraph.ArgumentError, match="direction"):
        g.neighbors("Alibaba", direction="sideways")
    with pytest.raises(claimgraph.ArgumentError, match="on_error") as info:
        claimgraph.build([], on_error="ignore")
    # Raised by the Python layer, it carries what the engine's errors carry.
    assert info.value.code == "invalid-argument"
    assert info.value.errors[0]["message"] == str(info.value)


def test_broken_graph_json_names_the_line(tmp_path):
    bad = tmp_path / "g.json"
    bad.write_text('{"directed": true,\n "nodes": [\n', encoding="utf-8")
    with pytest.raises(claimgraph.InputError) as info:
        claimgraph.read(bad)
    assert str(info.value).startswith(f"{bad}:")
    with pytest.raises(claimgraph.InputError):
        claimgraph.loads("[]")


def test_write_failure_leaves_no_file(tmp_path):
    g = claimgraph.build(["알리바바"])
    target = tmp_path / "no-such-dir" / "g.json"
    with pytest.raises(claimgraph.FileError, match="no-such-dir"):
        g.write(target)
    assert not target.exists()
