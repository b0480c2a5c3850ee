# SPDX-License-Identifier: Apache-2.0
"""Builds one graph on a Dask distributed cluster: the map step (extraction) on the workers,
the reduce step (merging) as a tree of tasks, the result equal byte for byte to
``claimgraph build`` over the same inputs.

    from distributed import Client
    import claimgraph.dask

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    result = claimgraph.dask.build(client, "corpus/")  # a .jsonl or .txt file, a directory, or a list
    result.graph.write("graph.json")
    for reason in result.skipped: print(reason)        # with on_error="skip"

How the work is cut: each JSONL file is split into blocks of whole lines (``block_mb``); the
client reads only a few bytes around each block boundary, and the workers read the blocks
themselves, so the corpus never passes through the client and a worker holds one block at a
time. Text files go to the workers a few at a time. A block's partial graph stays on the
worker; partial graphs are merged ``split_every`` at a time, and only the final graph comes
back to the client.

What the workers need: the same Python, this package (``claimgraph`` with its extension
module) and the input files at the same paths as the client sees them (a shared or
replicated file system); ``rules`` too, when it names a rule pack directory.

Failures: a bad document fails the build (``on_error="fail"``, the first in reading order,
as ``claimgraph build`` reports it) or is skipped (``"skip"``), its reason returned in
``skipped``. A worker that dies is replaced by Dask, which runs its tasks again; every task is
a pure function of its block, and document ids make merging idempotent, so the graph is the
same, with no document lost or counted twice.
"""

import collections as _collections
import os as _os

from distributed import as_completed as _as_completed

import claimgraph as _cg
from claimgraph import _claimgraph

__all__ = ["Result", "build"]

Result = _collections.namedtuple("Result", ["graph", "skipped", "warnings"])
Result.__doc__ = """What ``build`` returns: the merged Graph, the reasons of the skipped documents
(with on_error="skip"), and the other warnings (repairs, directory entries passed over), each
a line as the CLI prints it."""
Result.graph.__doc__ = "The merged Graph, equal to what ``claimgraph build`` writes for the inputs."
Result.skipped.__doc__ = 'The bad documents skipped (on_error="skip"), each a warning line as the CLI prints it.'
Result.warnings.__doc__ = "The other warnings (repaired text, directory entries passed over), each a line."

_MB = 1 << 20
_packs = {}  # rule packs loaded on this process, by directory (a worker loads each once)


def _pack(rules):
    """The RulePack for ``rules`` (None: the default pack; else a directory, loaded once)."""
    if rules is None:
        return _cg.RulePack.default()
    if rules not in _packs:
        _packs[rules] = _cg.RulePack.load(rules)
    return _packs[rules]


def _block_bounds(path, block_bytes):
    """Splits a file into (start, end) byte ranges of whole lines, each about block_bytes."""
    size = _os.path.getsize(path)
    bounds, start = [], 0
    with open(path, "rb") as f:
        while start < size:
            end = start + block_bytes
            if end >= size:
                end = size
            else:
                f.seek(end)
                while True:  # to the end of the line the cut falls in
                    chunk = f.read(1 << 16)
                    if not chunk:
                        end = size
                        break
                    newline = chunk.find(b"\n")
                    if newline >= 0:
                        end += newline + 1
                        break
                    end += len(chunk)
            bounds.append((start, end))
            start = end
    return bounds


def _read_range(path, start, end):
    """The bytes start to end of a file."""
    with open(path, "rb") as f:
        f.seek(start)
        return f.read(end - start)


def _count_lines(path, start, end):
    """The newlines of a block: the client turns them into each block's first line number."""
    return _read_range(path, start, end).count(b"\n")


def _read_task(task, on_error, lossy):
    """The documents of one task: ("jsonl", path, start, end, first_line) or ("text", paths)."""
    skip = on_error == "skip"
    if task[0] == "jsonl":
        _, path, start, end, first_line = task
        return _claimgraph._read_jsonl_block(_read_range(path, start, end), path, first_line, start, skip, lossy)
    docs, warnings = [], []
    for path in task[1]:
        d, w = _claimgraph._read_documents(path, skip, lossy)
        docs += d
        warnings += w
    return docs, warnings


def _extract(task, rules, on_error, lossy, exclude):
    """Map: a task's documents -> (partial graph as compact JSON, ids with origins, warnings,
    failure). ``exclude`` holds the origins of documents that repeat an id read earlier
    (skipped). A claimgraph error is returned as data, so that the client can raise the first
    in reading order (not whichever task failed first) as the exception it was."""
    try:
        docs, warnings = _read_task(task, on_error, lossy)
    except _cg.Error as e:
        return None, [], [], (type(e).__name__, str(e), getattr(e, "code", None), getattr(e, "errors", None))
    if exclude:
        docs = [d for d in docs if d["origin"] not in exclude]
    graph = _cg.build(docs, rules=_pack(rules), jobs=1) if docs else _cg.Graph()
    ids = [(d["id"], d["origin"]) for d in docs]
    return graph.to_json(pretty=False), ids, warnings, None


def _ids_and_warnings(part):
    """What the client needs of a task's result: its ids with origins, warnings and failure."""
    return part[1], part[2], part[3]


def _json_of(part):
    """The partial graph's JSON, from a merge's result or from what _extract returns."""
    return part if isinstance(part, str) else part[0]


def _raise(failure):
    """Raises a failure that _extract returned as data, as the claimgraph exception it was."""
    name, message, code, errors = failure
    error = getattr(_cg, name, _cg.Error)(message.rstrip("\n"))
    error.code, error.errors = code, errors
    raise error


def _merge(*parts):
    """Reduce: partial graphs (compact JSON, or what _extract returns) -> their merge."""
    graph = _cg.loads(_json_of(parts[0]), "<part>")
    for part in parts[1:]:
        graph.merge(_cg.loads(_json_of(part), "<part>"))
    return graph.to_json(pretty=False)


def _tasks(client, files, block_bytes, text_batch):
    """The read tasks, in the order ``claimgraph build`` reads the documents."""
    tasks, texts = [], []
    jsonl_blocks = []  # (index in tasks, path, start, end)
    for path in files:
        if path.endswith(".jsonl"):
            if texts:
                tasks.append(("text", texts))
                texts = []
            for start, end in _block_bounds(path, block_bytes):
                jsonl_blocks.append((len(tasks), path, start, end))
                tasks.append(None)  # filled once the line numbers are known
        else:
            texts.append(path)
            if len(texts) >= text_batch:
                tasks.append(("text", texts))
                texts = []
    if texts:
        tasks.append(("text", texts))
    counts = client.gather([client.submit(_count_lines, p, s, e, pure=False) for _, p, s, e in jsonl_blocks])
    line, previous = 1, None
    for (index, path, start, end), newlines in zip(jsonl_blocks, counts):
        if path != previous:
            line, previous = 1, path
        tasks[index] = ("jsonl", path, start, end, line)
        line += newlines
    return tasks


def _check(found, on_error):
    """Goes through the tasks' ids, warnings and failures in reading order, as ``claimgraph
    build`` reads the documents: a document whose id was read earlier is bad. With
    on_error="fail", raises the first failure (a bad document, a repeated id); otherwise
    returns the origins to exclude per task, the skipped documents' reasons and the other
    warnings, in order."""
    first, exclude, skipped, warnings = {}, {}, [], []
    for index, (ids, task_warnings, failure) in enumerate(found):
        for w in task_warnings:
            (skipped if w.endswith("; document skipped") else warnings).append(w)
        for doc_id, origin in ids:
            if doc_id not in first:
                first[doc_id] = origin
                continue
            message = f'{origin}: error: duplicate document id "{doc_id}" (first read from {first[doc_id]})'
            if on_error != "skip":
                raise _cg._error(_cg.InputError, "invalid-input", message)
            exclude.setdefault(index, set()).add(origin)
            skipped.append(message.replace(": error: ", ": warning: ", 1) + "; document skipped")
        if failure:
            _raise(failure)
    return exclude, skipped, warnings


def build(client, inputs, rules=None, *, on_error="fail", lossy=False, block_mb=8, text_batch=64,
          split_every=8):
    """Builds one graph from ``inputs`` on the Dask cluster of ``client`` (a
    ``distributed.Client``) and returns a Result (graph, skipped, warnings).

    ``inputs``: a path or a list of paths, each a .jsonl file, a .txt file or a directory of
    them, as for ``claimgraph build``; they must be readable at the same path by the client
    and every worker. ``rules``: None for the built-in pack, or a rule pack directory (loaded
    once per worker process). ``on_error``/``lossy`` as for ``claimgraph.build``. ``block_mb``:
    the size of a JSONL block, one task; ``text_batch``: text files a task; ``split_every``:
    partial graphs per merge task.

    The graph equals ``claimgraph build INPUTS`` byte for byte (``graph.to_json()``) for any
    cluster, block size and number of workers. Raises InputError for the first bad document
    with on_error="fail", FileError for a missing input.
    """
    if on_error not in ("fail", "skip"):
        raise _cg._error(_cg.ArgumentError, "invalid-argument", f'on_error is "fail" or "skip", not "{on_error}"')
    if block_mb <= 0 or text_batch < 1 or split_every < 2:
        raise _cg._error(_cg.ArgumentError, "invalid-argument",
                         "block_mb must be positive, text_batch at least 1 and split_every at least 2")
    if isinstance(inputs, (str, bytes, _os.PathLike)):
        inputs = [inputs]
    files, warnings = [], []
    for path in inputs:
        found, passed_over = _claimgraph._input_files(_os.fspath(path))
        files += found
        warnings += passed_over
    if rules is not None:
        rules = _os.path.abspath(_os.fspath(rules))
        _pack(rules)  # a broken pack fails here, on the client, before any task runs
    tasks = _tasks(client, files, int(block_mb * _MB), text_batch)

    parts = [client.submit(_extract, t, rules, on_error, lossy, None, pure=False) for t in tasks]
    # Only the ids and warnings come back to the client; the partial graphs stay on the workers.
    found = client.gather([client.submit(_ids_and_warnings, p, pure=False) for p in parts])
    try:
        exclude, skipped, read_warnings = _check(found, on_error)
    except _cg.Error:
        client.cancel(parts)
        raise
    warnings += read_warnings
    for index, origins in exclude.items():  # rare: extract those tasks again without the repeats
        parts[index] = client.submit(_extract, tasks[index], rules, on_error, lossy, origins, pure=False)

    # The tree's upper levels on the workers; its root on the client, which holds the graph
    # in the end anyway (one parse of each last partial graph, no final write and re-read).
    level = parts
    while len(level) > split_every:
        level = [client.submit(_merge, *level[i:i + split_every], pure=False)
                 for i in range(0, len(level), split_every)]
    # (Merged as they arrive, while the workers go on: merging is commutative.)
    graph = _cg.Graph()
    for part in _as_completed(level):
        graph.merge(_cg.loads(_json_of(part.result()), "<dask>"))
        part.release()
    if not graph.documents() and files and skipped and on_error == "skip":
        raise _cg._error(_cg.InputError, "invalid-input", f"every document ({len(skipped)}) was skipped as bad")
    return Result(graph, skipped, warnings)
