# SPDX-License-Identifier: Apache-2.0
# Type stub of the extension module claimgraph._claimgraph (python/bindings.cc).
# Argument names and defaults are the ones bindings.cc declares with py::arg;
# python/tests/test_typing.py checks them against the built module. Import
# claimgraph, not this module: the package re-exports the public names.
from __future__ import annotations

import os
from typing import Any, NoReturn, Sequence, Union

import networkx

# A file or directory: os.fspath() of it is a str.
_Path = Union[str, os.PathLike[str]]

__version__: str

class Error(Exception):
    """A claimgraph error. str(e) is the message the CLI prints (file:line: error: ...)."""

    code: str
    """The kind of error: "io-error", "invalid-input", "invalid-utf8", "invalid-rules", ..."""
    errors: list[dict[str, Any]]
    """Every problem as a dict: code, message, file, line, column, rule, warning."""

class FileError(Error, OSError):
    """A file could not be read or written (also an OSError)."""

class InputError(Error, ValueError):
    """A bad document or graph file: invalid UTF-8, a malformed line (also a ValueError)."""

class RulesError(Error, ValueError):
    """A rule pack failed validation; e.errors lists every problem (also a ValueError)."""

class ArgumentError(Error, ValueError):
    """A bad argument: an unknown entity name, output format or option (also a ValueError)."""

class RulePack:
    """A compiled, validated, immutable rule pack (RulePack.default() or RulePack.load())."""

    @staticmethod
    def default() -> RulePack:
        """Returns the default rule pack compiled into claimgraph (loaded once, shared)."""
    @staticmethod
    def load(path: _Path | list[_Path] | tuple[_Path, ...], base: RulePack | None = None) -> RulePack:
        """Loads the pack in directory `path`, or layers a list of directories ("builtin" names
        the default pack); with `base`, on top of that pack. Raises RulesError or FileError."""
    @property
    def layers(self) -> list[str]:
        """The directories the pack was loaded from, in order ("builtin" for the default pack)."""
    @property
    def origin(self) -> str:
        """Where the pack came from, as its messages name it."""
    @property
    def entity_count(self) -> int:
        """The number of gazetteer entities."""
    @property
    def alias_count(self) -> int:
        """The number of aliases over all entities."""
    @property
    def pattern_count(self) -> int:
        """The number of entity and relation pattern rules."""
    @property
    def attribution_rule_count(self) -> int:
        """The number of claim attribution rules the pack adds."""
    @property
    def cue_count(self) -> int:
        """The number of speech cues (say, 밝히다, ...)."""
    @property
    def particle_count(self) -> int:
        """The number of Korean particles the pack knows."""
    def __repr__(self) -> str: ...

# The mention classes have no constructor: extract() makes them.
class EntityMention:
    """An entity mention: offsets are code points into the text."""

    @property
    def entity_id(self) -> str:
        """The entity's id, "ent:" + slug of its canonical label."""
    @property
    def label(self) -> str:
        """The entity's canonical label."""
    @property
    def type(self) -> str:
        """Person, Organization, Model, Product, Location, Policy, Benchmark, Event, Group or Other."""
    @property
    def start(self) -> int:
        """The first code point of the mention."""
    @property
    def end(self) -> int:
        """The code point after the mention (text[start:end] is the mention)."""
    @property
    def text(self) -> str:
        """The mention as written."""
    @property
    def surface(self) -> str:
        """The normalized form of text."""
    @property
    def sentence(self) -> int:
        """The index of the sentence the mention is in."""
    @property
    def rule(self) -> str:
        """"gazetteer", or the id of the pattern rule that found the mention."""
    @property
    def particle(self) -> str:
        """The Korean particle that follows the mention, or ""."""
    @property
    def aliases(self) -> list[str]:
        """The entity's known aliases."""
    @property
    def attributes(self) -> dict[str, str]:
        """The entity's gazetteer attributes (role, developer, country, ...)."""
    def __repr__(self) -> str: ...

class RelationMention:
    """A relation read by a rule, with its evidence span."""

    @property
    def source(self) -> str:
        """The source entity's id."""
    @property
    def target(self) -> str:
        """The target entity's id."""
    @property
    def relation(self) -> str:
        """The relation: develops, released, leads, affiliated_with, ranks_on, ..."""
    @property
    def start(self) -> int:
        """The first code point of the evidence."""
    @property
    def end(self) -> int:
        """The code point after the evidence."""
    @property
    def sentence(self) -> int:
        """The index of the sentence the relation is in."""
    @property
    def rule(self) -> str:
        """The id of the rule that read the relation."""
    @property
    def attributes(self) -> dict[str, str]:
        """The relation's attributes (rank, category, role, ...)."""
    def __repr__(self) -> str: ...

class ClaimMention:
    """A claim: speaker, cue and content span."""

    @property
    def id(self) -> str:
        """"claim:<doc>:<n>", n in document order."""
    @property
    def label(self) -> str:
        """The start of the text."""
    @property
    def text(self) -> str:
        """The content as written, without speaker and cue."""
    @property
    def cue(self) -> str:
        """The cue's lemma: 밝히다, 지적하다, say, according_to, ..."""
    @property
    def modality(self) -> str:
        """asserted, hedged or implied."""
    @property
    def negated(self) -> bool:
        """Whether the cue is negated."""
    @property
    def start(self) -> int:
        """The first code point of the content."""
    @property
    def end(self) -> int:
        """The code point after the content."""
    @property
    def sentence(self) -> int:
        """The index of the sentence the claim is in."""
    @property
    def rule(self) -> str:
        """The id of the rule that read the claim."""
    @property
    def speaker(self) -> str:
        """The speaker's entity id, or "" (see speaker_status)."""
    @property
    def speaker_status(self) -> str:
        """named, coreference, group, role, unattributed or unresolved."""
    @property
    def evidence_start(self) -> int:
        """The first code point of the whole attribution (speaker, content and cue)."""
    @property
    def evidence_end(self) -> int:
        """The code point after the whole attribution."""
    @property
    def coref_rule(self) -> str:
        """How the speaker was resolved (coref.pronoun, coref.org-role, ...), or ""."""
    @property
    def coref_text(self) -> str:
        """The pronoun or role as written, or ""."""
    @property
    def coref_start(self) -> int:
        """The first code point of the pronoun or role."""
    @property
    def coref_end(self) -> int:
        """The code point after the pronoun or role."""
    @property
    def medium(self) -> str:
        """The entity id of a medium that reports the claim, or ""."""
    @property
    def mentions(self) -> list[str]:
        """The ids of the entities inside the content."""
    @property
    def about(self) -> str:
        """The entity id of the content's subject, or ""."""
    @property
    def date(self) -> str:
        """The day the claim was made, YYYY-MM-DD, or ""."""
    def __repr__(self) -> str: ...

class RejectedMatch:
    """A candidate mention that lost, and why."""

    @property
    def start(self) -> int:
        """The first code point of the candidate."""
    @property
    def end(self) -> int:
        """The code point after the candidate."""
    @property
    def text(self) -> str:
        """The candidate as written."""
    @property
    def rule(self) -> str:
        """The rule that proposed the candidate."""
    @property
    def reason(self) -> str:
        """Why it lost ("overlap: lost to ent:qwen3-max (gazetteer)", ...)."""
    def __repr__(self) -> str: ...

class Graph:
    """An entity-and-claim graph (node-link JSON is its contract)."""

    def __init__(self) -> None:
        """Makes an empty graph."""
    @property
    def node_count(self) -> int:
        """The number of nodes, entities and claims."""
    @property
    def edge_count(self) -> int:
        """The number of edges."""
    @property
    def claim_count(self) -> int:
        """The number of claim nodes."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def __contains__(self, arg0: str) -> bool:
        """Whether the graph has a node with this id, or an entity with this name."""
    def copy(self) -> Graph:
        """Returns a copy."""
    def merge(self, other: Graph) -> None:
        """Merges `other` into this graph (associative and commutative)."""
    def nodes(self) -> list[dict[str, Any]]:
        """Returns every node as the dict the JSON export holds, sorted by id."""
    def edges(self) -> list[dict[str, Any]]:
        """Returns every edge as the dict the JSON export holds (with its key), in export order."""
    def documents(self) -> list[dict[str, Any]]:
        """Returns the documents: id, chars, and title, date, url, lang where the input had them."""
    def find(self, name: str, rules: RulePack | None = None) -> str:
        """Returns the id of the entity named `name` (label, alias or id). Raises ArgumentError."""
    def node(self, name: str) -> dict[str, Any]:
        """Returns the node named `name` (or with that id) as a dict."""
    def neighbors(self, name: str, relation: str | None = None, direction: str = "both") -> list[dict[str, Any]]:
        """Returns the neighbours of `name` ("out", "in" or "both") as dicts: id, label, kind,
        type, relation, direction, weight."""
    def path(self, source: str, target: str, max_hops: int = 6, via: str | None = None) -> list[dict[str, Any]] | None:
        """Returns a shortest path as a list of steps {from, to, relation, forward, evidence},
        or None when there is none within max_hops."""
    def claims(
        self,
        by: str | None = None,
        about: str | None = None,
        cue: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Returns the claim nodes made by `by`, about `about`, with cue `cue`, dated from `since`
        to `until` (YYYY-MM-DD, inclusive); every filter is optional."""
    def timeline(self, name: str, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Returns the claims made by `name` and about it, in date order, each as
        {"claim": node dict, "by": bool, "about": bool}."""
    def subgraph(self, name: str, hops: int = 1) -> Graph:
        """Returns the subgraph within `hops` edges of `name`."""
    def stats(self, top: int = 10) -> dict[str, Any]:
        """Returns nodes, edges, by_type, by_relation, top_degree, top_pagerank and components."""
    def to_json(self, pretty: bool = False) -> str:
        """Returns the node-link JSON, byte for byte what the CLI writes."""
    def write(self, path: _Path, format: str | None = None, pretty: bool = False) -> None:
        """Writes the graph, atomically, in the format its extension (or `format`) names."""
    # Added by claimgraph/__init__.py.
    def to_dict(self) -> dict[str, Any]:
        """Returns the node-link JSON as Python data."""
    def to_networkx(self, *, graphml_safe: bool = False) -> networkx.MultiDiGraph:
        """Returns a networkx MultiDiGraph with the attributes of the JSON export; with
        graphml_safe=True, lists and dicts as JSON text, for networkx.write_graphml."""

def formats() -> list[dict[str, Any]]:
    """Returns the graph formats as dicts: name, extensions, description, output, directory,
    readable."""

class Extraction:
    """What one document yields: mentions, claims, relations."""

    @property
    def id(self) -> str:
        """The document's id."""
    @property
    def chars(self) -> int:
        """The document's length in code points."""
    @property
    def sentences(self) -> list[tuple[int, int]]:
        """The sentences as (start, end) code point offsets."""
    @property
    def entities(self) -> list[EntityMention]:
        """The entity mentions, sorted by start."""
    @property
    def claims(self) -> list[ClaimMention]:
        """The claims, sorted by start."""
    @property
    def relations(self) -> list[RelationMention]:
        """The relations read by rules."""
    @property
    def rejected(self) -> list[RejectedMatch]:
        """The candidate mentions that lost, with the reason."""
    def to_graph(self) -> Graph:
        """Returns this document's graph (what build() merges)."""
    def __repr__(self) -> str: ...

def read(path: _Path) -> Graph:
    """Reads a graph: node-link JSON (.json), JSON lines (.jsonl), GraphML (.graphml) or DOT (.dot)."""

def loads(json: str, origin: str = "<string>") -> Graph:
    """Parses node-link JSON text into a Graph."""

def merge(graphs: Sequence[Graph]) -> Graph:
    """Returns the merge of `graphs` (order does not matter)."""

# Used by claimgraph/__init__.py and claimgraph/dask.py; not part of the public API.
def _extract(
    text: str | bytes, id: str, rules: RulePack | None, title: str, date: str, url: str, lang: str
) -> Extraction: ...
def _raise(code: str, message: str, file: str) -> NoReturn: ...
def _build_into(graph: Graph, rows: Sequence[Sequence[str]], rules: RulePack | None, jobs: int) -> None: ...
def _read_documents(path: _Path, skip_bad: bool, lossy: bool) -> tuple[list[dict[str, str]], list[str]]: ...
def _read_jsonl_block(
    content: bytes, origin: str, first_line: int, first_byte: int, skip_bad: bool, lossy: bool
) -> tuple[list[dict[str, str]], list[str]]: ...
def _input_files(path: _Path) -> tuple[list[str], list[str]]: ...
