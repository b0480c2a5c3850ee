# SPDX-License-Identifier: Apache-2.0
"""claimgraph: entity-and-claim graphs from Korean and English news text, by rules.

The C++ engine (rules, not a model: ICU, re2, Boost.Graph) inside Python::

    import claimgraph
    rules = claimgraph.RulePack.default()
    ex = claimgraph.extract("알리바바는 큐원3-맥스를 공개했다.", id="d1", rules=rules)
    g = claimgraph.build(claimgraph.read_documents("news.jsonl"), rules=rules, jobs=2)
    g.claims(by="Kyle Chan"); g.neighbors("알리바바"); g.path("Kyle Chan", "Alibaba")
    nxg = g.to_networkx()
    g.write("graph.graphml")     # or .json, .dot, .gexf, .html ...: see formats()

Offsets are code points into the original text, end exclusive: ``text[m.start:m.end]``.
Every failure raises ``claimgraph.Error`` (``FileError``, ``InputError``, ``RulesError``,
``ArgumentError``) whose message is the one the CLI prints.

The package is typed: ``py.typed`` marks it, and ``_claimgraph.pyi`` describes the
extension module, so editors complete ``claimgraph.build(`` and mypy checks its callers.
"""

import json as _json
import os as _os
import warnings as _warnings
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Union

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

if TYPE_CHECKING:
    import networkx

__all__ = [
    "ArgumentError", "ClaimMention", "EntityMention", "Error", "Extraction", "FileError", "Graph",
    "InputError", "InputWarning", "RejectedMatch", "RelationMention", "RulePack", "RulesError",
    "__version__", "build", "extract", "formats", "loads", "merge", "read", "read_documents",
]

# The types of the arguments: a document (text, UTF-8 bytes, or a dict with "text" and
# metadata), a file or directory, and what to do with a bad document.
_Document = Union[str, bytes, Dict[str, Any]]
_Path = Union[str, _os.PathLike]
_OnError = Literal["fail", "skip"]

_METADATA = ("title", "date", "url", "lang")
_BATCH = 512  # documents handed to the engine at a time, per job: memory stays flat


def _error(cls: type, code: str, message: str, file: str = "") -> "Error":
    """An error of class ``cls`` raised by this Python layer, with the ``code`` and
    ``errors`` the engine's errors carry (so callers need not tell them apart)."""
    error = cls(message)
    error.code = code
    error.errors = [{"code": code, "message": message, "file": file, "line": 0, "column": 0, "rule": "",
                     "warning": False}]
    return error


class InputWarning(UserWarning):
    """A bad document skipped (on_error="skip") or repaired (lossy=True)."""


def extract(text: _Document, id: str = "doc", rules: Optional[RulePack] = None, *,
            title: Optional[str] = None, date: Optional[str] = None, url: Optional[str] = None,
            lang: Optional[str] = None) -> Extraction:
    """Extracts entities, claims and relations from one document.

    ``text`` is a str (or UTF-8 bytes), or a dict with "text" and optional "id", "title",
    "date" (YYYY-MM-DD, resolves "지난 26일"), "url", "lang". Returns an Extraction whose
    ``entities``, ``claims`` and ``relations`` carry code-point offsets and rule ids.
    ``rules`` is a RulePack (None: the default pack).
    Releases the GIL while it works, so a thread pool over documents scales.
    Raises InputError for text that is not UTF-8.
    """
    content: Any = text
    if isinstance(text, dict):
        content = text.get("text")
        id = text.get("id", id)
        title, date, url, lang = (text.get(k) or v for k, v in zip(_METADATA, (title, date, url, lang)))
    if not isinstance(content, (str, bytes)):
        raise TypeError(f"extract() needs the document text as str or bytes, not {type(content).__name__}")
    return _claimgraph._extract(content, str(id), rules, title or "", date or "", url or "", lang or "")


def _rows(docs: Iterable[Any], on_error: str, lossy: bool) -> Iterator[List[str]]:
    """Yields (id, text, title, date, url, lang, origin) for each good document of ``docs``."""
    seen: Dict[str, str] = {}
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
                raw = text
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    if not lossy:
                        _claimgraph._raise(
                            "invalid-utf8", f'invalid UTF-8 at byte {e.start} of document "{doc_id}"', origin)
                    _warnings.warn(f"{origin}: warning: invalid UTF-8 in document \"{doc_id}\" "
                                   "replaced with U+FFFD", InputWarning, stacklevel=3)
                    text = raw.decode("utf-8", errors="replace")
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


def build(docs: Union[_Document, Iterable[_Document]], rules: Optional[RulePack] = None,
          jobs: Optional[int] = None, *, on_error: _OnError = "fail", lossy: bool = False) -> Graph:
    """Builds one graph from an iterable of documents.

    Each document is a str (id "d1", "d2", ... by position), UTF-8 bytes, or a dict with
    "text" and optional "id", "title", "date", "url", "lang" (what read_documents returns).
    ``rules`` is a RulePack (None: the default pack).
    ``jobs`` threads extract (default: all cores); the graph is the same for any number, and
    equal to what ``claimgraph build`` writes for the same documents. The documents are
    consumed in batches, so a generator over a large corpus is fine.
    ``on_error="skip"`` skips bad documents (undecodable bytes, no text, a duplicate id)
    with an InputWarning instead of raising InputError; ``lossy=True`` replaces invalid
    UTF-8 with U+FFFD. Ctrl-C stops between documents (KeyboardInterrupt).
    """
    if on_error not in ("fail", "skip"):
        raise _error(ArgumentError, "invalid-argument", f'on_error is "fail" or "skip", not "{on_error}"')
    if isinstance(docs, (str, bytes, dict)):
        docs = [docs]
    jobs = (_os.cpu_count() or 1) if jobs is None else int(jobs)
    if jobs < 1:
        raise _error(ArgumentError, "invalid-argument", f"jobs needs a positive number, not {jobs}")
    graph = Graph()
    batch: List[List[str]] = []
    for row in _rows(docs, on_error, lossy):
        batch.append(row)
        if len(batch) >= _BATCH * jobs:
            _claimgraph._build_into(graph, batch, rules, jobs)
            batch = []
    if batch:
        _claimgraph._build_into(graph, batch, rules, jobs)
    return graph


def read_documents(path: _Path, *, on_error: _OnError = "fail", lossy: bool = False) -> List[Dict[str, str]]:
    """Reads documents as ``claimgraph build`` does.

    ``path`` is a .txt file (id = file stem), a .jsonl file (one {"id", "text", ...} object a
    line), or a directory of them. Returns a list of dicts (id, text, metadata, origin
    "file:line"), what build() takes. Raises FileError or InputError (file and line); with
    on_error="skip", bad documents are skipped with an InputWarning, and lossy=True replaces
    invalid UTF-8 with U+FFFD.
    """
    if on_error not in ("fail", "skip"):
        raise _error(ArgumentError, "invalid-argument", f'on_error is "fail" or "skip", not "{on_error}"')
    docs, warnings = _claimgraph._read_documents(path, on_error == "skip", lossy)
    for w in warnings:
        _warnings.warn(w, InputWarning, stacklevel=2)
    return docs


def merge(graphs: Iterable[Graph]) -> Graph:
    """Returns the merge of an iterable of Graphs.

    Merging is associative and commutative, so the order does not matter.
    """
    return _claimgraph.merge(list(graphs))


def _to_dict(self: Graph) -> Dict[str, Any]:
    """Returns the node-link JSON as Python data (json.loads of to_json())."""
    data: Dict[str, Any] = _json.loads(self.to_json(pretty=False))
    return data


def _graphml_attributes(attrs: Mapping[str, Any]) -> Dict[str, Any]:
    """The attributes that GraphML can hold: None left out, lists and dicts as JSON text.

    The JSON text is compact with non-ASCII characters as they are: for a list, what
    ``Graph.write("x.graphml")`` writes for it; a dict has its keys sorted.
    """
    out = {}
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, dict)):
            value = _json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=isinstance(value, dict))
        out[name] = value
    return out


def _to_networkx(self: Graph, *, graphml_safe: bool = False) -> "networkx.MultiDiGraph":
    """Returns the graph as a networkx MultiDiGraph.

    Nodes are keyed by their claimgraph id, edges by (source, target, key), and every
    attribute is the one the JSON export holds: what
    ``networkx.node_link_graph(data, edges="edges")`` gives for the written JSON.

    Some of those attributes are lists (``aliases``, ``mentions``, ``evidence``, the graph's
    ``documents``), which ``networkx.write_graphml`` cannot write. With
    ``graphml_safe=True``, every list or dict value is JSON text instead (read it back with
    ``json.loads``) and None values are left out, so this works::

        networkx.write_graphml(g.to_networkx(graphml_safe=True), "graph.graphml")

    To get a GraphML file, ``g.write("graph.graphml")`` is the direct route: the same JSON
    text for lists, and ``claimgraph.read`` reads it back into a Graph.
    """
    import networkx as nx

    def attributes(attrs: Mapping[str, Any]) -> Dict[str, Any]:
        return _graphml_attributes(attrs) if graphml_safe else dict(attrs)

    data = self.to_dict()
    g = nx.MultiDiGraph()
    g.graph.update(attributes(data["graph"]))
    for node in data["nodes"]:
        attrs = dict(node)
        g.add_node(attrs.pop("id"), **attributes(attrs))
    for edge in data["edges"]:
        attrs = dict(edge)
        source, target, key = attrs.pop("source"), attrs.pop("target"), attrs.pop("key")
        g.add_edge(source, target, key=key, **attributes(attrs))
    return g


# Graph's Python methods (declared on Graph in _claimgraph.pyi).
_to_dict.__name__, _to_dict.__qualname__ = "to_dict", "Graph.to_dict"
_to_networkx.__name__, _to_networkx.__qualname__ = "to_networkx", "Graph.to_networkx"
setattr(Graph, "to_dict", _to_dict)
setattr(Graph, "to_networkx", _to_networkx)
