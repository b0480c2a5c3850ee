# SPDX-License-Identifier: Apache-2.0
"""claimgraph: entity-and-claim graphs from Korean and English news text, by rules.

The C++ engine (rules, not a model: ICU, re2, Boost.Graph) inside Python::

    import claimgraph
    rules = claimgraph.RulePack.default()
    ex = claimgraph.extract("알리바바는 큐원3-맥스를 공개했다.", id="d1", rules=rules)
    g = claimgraph.build(claimgraph.read_documents("news.jsonl"), rules=rules, jobs=2)
    g.claims(by="Kyle Chan"); g.neighbors("알리바바"); g.path("Kyle Chan", "Alibaba")
    nxg = g.to_networkx()

Offsets are code points into the original text, end exclusive: ``text[m.start:m.end]``.
Every failure raises ``claimgraph.Error`` (``FileError``, ``InputError``, ``RulesError``,
``ArgumentError``) whose message is the one the CLI prints.
"""

import json as _json
import os as _os
import warnings as _warnings

from ._claimgraph import (  # noqa: F401  (the public surface)
    ArgumentError,
    ClaimMention,
    EntityMention,
    Error,
    Extraction,
    FileError,
    Graph,
    InputError,
    RejectedMatch,
    RelationMention,
    RulePack,
    RulesError,
    __version__,
    formats,
    loads,
    read,
)
from . import _claimgraph

__all__ = [
    "ArgumentError", "ClaimMention", "EntityMention", "Error", "Extraction", "FileError", "Graph",
    "InputError", "InputWarning", "RejectedMatch", "RelationMention", "RulePack", "RulesError",
    "__version__", "build", "extract", "formats", "loads", "merge", "read", "read_documents",
]

_METADATA = ("title", "date", "url", "lang")
_BATCH = 512  # documents handed to the engine at a time, per job: memory stays flat


class InputWarning(UserWarning):
    """A bad document skipped (on_error="skip") or repaired (lossy=True)."""


def extract(text, id="doc", rules=None, *, title=None, date=None, url=None, lang=None):
    """Extracts entities, claims and relations from one document.

    ``text`` is a str (or UTF-8 bytes), or a dict with "text" and optional "id", "title",
    "date" (YYYY-MM-DD, resolves "지난 26일"), "url", "lang". Returns an Extraction whose
    ``entities``, ``claims`` and ``relations`` carry code-point offsets and rule ids.
    Releases the GIL while it works, so a thread pool over documents scales.
    Raises InputError for text that is not UTF-8.
    """
    if isinstance(text, dict):
        doc = text
        text = doc.get("text")
        id = doc.get("id", id)
        title, date, url, lang = (doc.get(k) or v for k, v in zip(_METADATA, (title, date, url, lang)))
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"extract() needs the document text as str or bytes, not {type(text).__name__}")
    return _claimgraph._extract(text, str(id), rules, title or "", date or "", url or "", lang or "")


def _rows(docs, on_error, lossy):
    """Yields (id, text, title, date, url, lang, origin) for each good document of ``docs``."""
    seen = {}
    for index, doc in enumerate(docs):
        origin = f"docs[{index}]"
        try:
            if isinstance(doc, (str, bytes)):
                doc = {"text": doc}
            if not isinstance(doc, dict):
                raise TypeError(f"{origin}: a document is a str, bytes or a dict, not {type(doc).__name__}")
            origin = doc.get("origin") or origin
            doc_id = str(doc.get("id") if doc.get("id") is not None else f"d{index + 1}")
            text = doc.get("text")
            if not isinstance(text, (str, bytes)):
                _claimgraph._raise("invalid-input", f'document "{doc_id}" has no "text" string', origin)
            if isinstance(text, bytes):
                try:
                    text = text.decode("utf-8")
                except UnicodeDecodeError as e:
                    if not lossy:
                        _claimgraph._raise(
                            "invalid-utf8", f'invalid UTF-8 at byte {e.start} of document "{doc_id}"', origin)
                    _warnings.warn(f"{origin}: warning: invalid UTF-8 in document \"{doc_id}\" "
                                   "replaced with U+FFFD", InputWarning, stacklevel=3)
                    text = text.decode("utf-8", errors="replace")
            if doc_id in seen:
                _claimgraph._raise(
                    "invalid-input", f'duplicate document id "{doc_id}" (first read from {seen[doc_id]})', origin)
        except InputError as e:
            if on_error != "skip":
                raise
            _warnings.warn(str(e).replace(": error: ", ": warning: ", 1) + "; document skipped",
                           InputWarning, stacklevel=3)
            continue
        seen[doc_id] = origin
        yield [doc_id, text] + [str(doc.get(k) or "") for k in _METADATA] + [origin]


def build(docs, rules=None, jobs=None, *, on_error="fail", lossy=False):
    """Builds one graph from an iterable of documents.

    Each document is a str (id "d1", "d2", ... by position), UTF-8 bytes, or a dict with
    "text" and optional "id", "title", "date", "url", "lang" (what read_documents returns).
    ``jobs`` threads extract (default: all cores); the graph is the same for any number, and
    equal to what ``claimgraph build`` writes for the same documents. The documents are
    consumed in batches, so a generator over a large corpus is fine.
    ``on_error="skip"`` skips bad documents (undecodable bytes, no text, a duplicate id)
    with an InputWarning instead of raising InputError; ``lossy=True`` replaces invalid
    UTF-8 with U+FFFD. Ctrl-C stops between documents (KeyboardInterrupt).
    """
    if on_error not in ("fail", "skip"):
        raise ArgumentError(f'on_error is "fail" or "skip", not "{on_error}"')
    if isinstance(docs, (str, bytes, dict)):
        docs = [docs]
    jobs = (_os.cpu_count() or 1) if jobs is None else int(jobs)
    if jobs < 1:
        raise ArgumentError(f"jobs needs a positive number, not {jobs}")
    graph = Graph()
    batch = []
    for row in _rows(docs, on_error, lossy):
        batch.append(row)
        if len(batch) >= _BATCH * jobs:
            _claimgraph._build_into(graph, batch, rules, jobs)
            batch = []
    if batch:
        _claimgraph._build_into(graph, batch, rules, jobs)
    return graph


def read_documents(path, *, on_error="fail", lossy=False):
    """Reads documents as ``claimgraph build`` does: a .txt file (id = file stem), a .jsonl
    file (one {"id", "text", ...} object a line), or a directory of them. Returns a list of
    dicts (id, text, metadata, origin "file:line"). Raises FileError or InputError (file
    and line); with on_error="skip", bad documents are skipped with an InputWarning.
    """
    if on_error not in ("fail", "skip"):
        raise ArgumentError(f'on_error is "fail" or "skip", not "{on_error}"')
    docs, warnings = _claimgraph._read_documents(path, on_error == "skip", lossy)
    for w in warnings:
        _warnings.warn(w, InputWarning, stacklevel=2)
    return docs


def merge(graphs):
    """Returns the merge of an iterable of Graphs (merging is associative and commutative,
    so the order does not matter)."""
    return _claimgraph.merge(list(graphs))


def _to_dict(self):
    """Returns the node-link JSON as Python data (json.loads of to_json())."""
    return _json.loads(self.to_json(pretty=False))


def _to_networkx(self):
    """Returns a networkx MultiDiGraph with the attributes of the JSON export: what
    ``networkx.node_link_graph(data, edges="edges")`` gives for the written JSON."""
    import networkx as nx

    data = self.to_dict()
    g = nx.MultiDiGraph()
    g.graph.update(data["graph"])
    for node in data["nodes"]:
        attrs = dict(node)
        g.add_node(attrs.pop("id"), **attrs)
    for edge in data["edges"]:
        attrs = dict(edge)
        source, target, key = attrs.pop("source"), attrs.pop("target"), attrs.pop("key")
        g.add_edge(source, target, key=key, **attrs)
    return g


Graph.to_dict = _to_dict
Graph.to_networkx = _to_networkx
