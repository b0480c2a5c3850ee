# SPDX-License-Identifier: Apache-2.0
"""claimgraph.dask on a real distributed cluster (a scheduler and two worker processes on the
loopback interface): the graph is byte for byte what ``claimgraph build`` writes, bad
documents are skipped or fail as they do there, and a worker killed mid-run changes nothing."""

import json
import os
import signal
import threading
import time

import pytest

distributed = pytest.importorskip("distributed", reason="Dask's distributed scheduler is not installed "
                                  "(apt-get install python3-distributed)")

import claimgraph  # noqa: E402
import claimgraph.dask  # noqa: E402
from conftest import run_cli  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def cli_build(cli, tmp_path, *args):
    out = tmp_path / "cli.json"
    code, _, err = run_cli(cli, "build", *args, "-o", out, "-q")
    return code, (out.read_text(encoding="utf-8") if code == 0 else None), err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, repo):
    """About 5 MB of news-style JSONL: our example and evaluation documents again and again,
    each copy with its own ids, some without an id (named FILE:LINE as by the CLI)."""
    docs = []
    for name in ("examples/docs.jsonl", "examples/evalset/docs.jsonl", "examples/control/docs.jsonl"):
        path = repo / name
        if path.exists():
            docs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert docs, "no example documents"
    path = tmp_path_factory.mktemp("dask") / "corpus.jsonl"
    size, copy = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while size < 5 << 20:
            for i, doc in enumerate(docs):
                doc = dict(doc)
                if (copy + i) % 7 == 0:
                    doc.pop("id", None)
                else:
                    doc["id"] = f"{doc.get('id', 'doc')}-{copy}"
                line = json.dumps(doc, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
            copy += 1
    return path


def test_seed_and_examples_equal_the_cli(client, cli, repo, seed, tmp_path):
    for path, block_mb in ((seed, 16), (repo / "examples", 0.01), (repo / "examples" / "docs.jsonl", 0.002)):
        code, expected, err = cli_build(cli, tmp_path, path)
        assert code == 0, err
        result = claimgraph.dask.build(client, path, block_mb=block_mb)
        assert result.graph.to_json() == expected, path
        assert result.skipped == []


def test_a_5_mb_corpus_equals_the_cli_for_any_block_size(client, cli, corpus, tmp_path):
    code, expected, err = cli_build(cli, tmp_path, corpus)
    assert code == 0, err
    for block_mb, split_every in ((0.5, 2), (2, 8)):
        result = claimgraph.dask.build(client, corpus, block_mb=block_mb, split_every=split_every)
        assert result.graph.to_json() == expected


def bad_corpus(tmp_path):
    """Good documents, a malformed line, a text that is not a string, and an id repeated in a
    later block."""
    lines = [json.dumps({"id": f"g{i}", "text": f"알리바바가 {i}번째 모델을 공개했다. Nvidia said demand grew."},
                        ensure_ascii=False) for i in range(40)]
    lines[5] = "not json"
    lines[17] = json.dumps({"id": "t", "text": 5})
    lines[33] = json.dumps({"id": "g2", "text": "A second document with the id g2."})
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_documents_are_skipped_or_fail_as_the_cli_does(client, cli, tmp_path):
    path = bad_corpus(tmp_path)
    code, expected, err = cli_build(cli, tmp_path, path, "--on-error", "skip")
    assert code == 0, err
    result = claimgraph.dask.build(client, path, on_error="skip", block_mb=0.001)
    assert result.graph.to_json() == expected
    cli_skipped = [line for line in err.splitlines() if line.endswith("; document skipped")]
    assert result.skipped == cli_skipped and len(cli_skipped) == 3
    assert result.skipped[2].startswith(f'{path}:34: warning: duplicate document id "g2" (first read from {path}:3)')

    code, _, err = cli_build(cli, tmp_path, path)
    assert code == 1
    with pytest.raises(claimgraph.InputError) as e:
        claimgraph.dask.build(client, path, block_mb=0.001)
    assert str(e.value).strip() == err.strip().splitlines()[0]
    assert e.value.code == "invalid-input"


def test_a_missing_input_and_bad_arguments(client, tmp_path):
    with pytest.raises(claimgraph.FileError):
        claimgraph.dask.build(client, tmp_path / "missing.jsonl")
    with pytest.raises(claimgraph.ArgumentError):
        claimgraph.dask.build(client, tmp_path, on_error="maybe")


def test_a_worker_killed_mid_run_changes_nothing(client, cli, corpus, tmp_path):
    code, expected, err = cli_build(cli, tmp_path, corpus)
    assert code == 0, err
    pids = client.run(os.getpid)  # worker address -> process id
    outcome = {}

    def run():
        try:
            outcome["result"] = claimgraph.dask.build(client, corpus, block_mb=0.25)
        except BaseException as e:  # noqa: BLE001 (reported below)
            outcome["error"] = e

    thread = threading.Thread(target=run)
    thread.start()
    # Kill one worker once extraction tasks are running on it (its nanny starts another).
    victim, running = sorted(pids)[0], ()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and thread.is_alive():
        running = [key for key in client.processing().get(victim, ()) if "_extract" in str(key)]
        if running:
            os.kill(pids[victim], signal.SIGKILL)
            break
        time.sleep(0.01)
    assert running, "no extraction task reached the worker to kill before the build ended"
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].graph.to_json() == expected
    assert victim not in client.scheduler_info()["workers"], "the killed worker is still there"
