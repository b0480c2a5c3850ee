// SPDX-License-Identifier: Apache-2.0
// The Python extension module claimgraph._claimgraph: rule packs, one-document
// extraction, threaded graph building, graph I/O and queries, over the public
// C++ API. The Python package (python/claimgraph/__init__.py) adds the
// document handling and to_networkx() on top. Errors become the exceptions of
// claimgraph (Error and its subclasses) with the CLI's message text; the GIL
// is released while documents are extracted.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <thread>
#include <utility>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "claimgraph/version.h"

namespace py = pybind11;

namespace claimgraph::python {
namespace {

// A failed Status on its way to Python.
struct StatusError {
  Status status;
};

template <typename T>
T Unwrap(Result<T> result) {
  if (!result.ok()) throw StatusError{result.status()};
  return std::move(result).value();
}

void Check(const Status& status) {
  if (!status.ok()) throw StatusError{status};
}

// The exception classes, created at import (see PYBIND11_MODULE).
struct Exceptions {
  py::object base, file, input, rules, argument;
};
Exceptions& Classes() {
  static Exceptions* classes = new Exceptions();  // lives as long as the interpreter
  return *classes;
}

py::object ClassFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIoError: return Classes().file;
    case ErrorCode::kInvalidUtf8:
    case ErrorCode::kInvalidInput: return Classes().input;
    case ErrorCode::kInvalidRules: return Classes().rules;
    case ErrorCode::kInvalidArgument: return Classes().argument;
    default: return Classes().base;
  }
}

py::dict ErrorDict(const Error& e) {
  py::dict d;
  d["code"] = ErrorCodeName(e.code);
  d["message"] = e.message;
  d["file"] = e.location.file;
  d["line"] = e.location.line;
  d["column"] = e.location.column;
  d["rule"] = e.rule_id;
  d["warning"] = e.warning;
  return d;
}

// Raises the Python exception for `status`: the message is what the CLI
// prints; `code` and `errors` carry the parts.
void Raise(const Status& status) {
  std::string message = status.ToString();
  while (!message.empty() && message.back() == '\n') message.pop_back();
  py::object cls = ClassFor(status.code());
  py::object exc = cls(message);
  exc.attr("code") = ErrorCodeName(status.code());
  py::list errors;
  for (const Error& e : status.errors()) errors.append(ErrorDict(e));
  exc.attr("errors") = errors;
  PyErr_SetObject(cls.ptr(), exc.ptr());
}

std::string PathString(const py::object& path) { return py::str(py::module_::import("os").attr("fspath")(path)); }

// The default pack, loaded once: it is immutable and shared.
std::shared_ptr<const RulePack> DefaultPack() {
  static std::shared_ptr<const RulePack> pack = std::make_shared<const RulePack>(Unwrap(RulePack::BuiltIn()));
  return pack;
}

// A rule pack and the layers it was loaded from (so that `base=` can layer
// another directory on top of it).
struct PyRulePack {
  std::shared_ptr<const RulePack> pack;
  std::vector<std::string> layers;
};

PyRulePack LoadLayers(const std::vector<std::string>& layers) {
  if (layers == std::vector<std::string>{"builtin"}) return {DefaultPack(), layers};
  Result<RulePack> loaded = [&] {
    py::gil_scoped_release release;
    return RulePack::LoadLayers(layers);
  }();
  return {std::make_shared<const RulePack>(Unwrap(std::move(loaded))), layers};
}

const RulePack& PackOf(const std::optional<PyRulePack>& rules) {
  return rules ? *rules->pack : *DefaultPack();
}

// Documents as the dicts the Python API passes around (metadata only where
// set), and the warnings as the lines the CLI prints.
py::tuple DocumentsAndWarnings(const ReadResult& r) {
  py::list docs;
  for (const Document& d : r.documents) {
    py::dict doc;
    doc["id"] = d.id;
    doc["text"] = d.text;
    if (!d.title.empty()) doc["title"] = d.title;
    if (!d.date.empty()) doc["date"] = d.date;
    if (!d.url.empty()) doc["url"] = d.url;
    if (!d.lang.empty()) doc["lang"] = d.lang;
    doc["origin"] = d.origin;
    docs.append(doc);
  }
  py::list warnings;
  for (const Error& w : r.warnings) warnings.append(w.ToString());
  return py::make_tuple(docs, warnings);
}

// A claim query's day range, checked (ArgumentError for a day that is not
// YYYY-MM-DD).
ClaimQuery DayRange(const std::optional<std::string>& since, const std::optional<std::string>& until) {
  ClaimQuery q;
  for (auto [name, value, field] : {std::tuple{"since", &since, &q.since}, std::tuple{"until", &until, &q.until}}) {
    if (!*value) continue;
    if (!IsDay(**value)) {
      throw StatusError{Error{ErrorCode::kInvalidArgument,
                              std::string(name) + " needs a day as YYYY-MM-DD, not \"" + **value + "\"", {}, "", false}};
    }
    *field = **value;
  }
  return q;
}

py::object JsonLoads(const std::string& json) { return py::module_::import("json").attr("loads")(json); }

py::object NodeDict(const Node& node) { return JsonLoads(WriteNodeJson(node)); }

py::list NodeDicts(const std::vector<Node>& nodes) {
  py::list out;
  for (const Node& n : nodes) out.append(NodeDict(n));
  return out;
}

// Resolves `name` (a label, an alias, or an id) to a node id.
std::string Resolve(const Graph& graph, const std::string& name, const std::optional<PyRulePack>& rules) {
  if (graph.FindNode(name)) return name;
  return Unwrap(FindEntity(graph, name, &PackOf(rules)));
}

Document MakeDocument(const std::string& text, const std::string& id, const std::string& title,
                      const std::string& date, const std::string& url, const std::string& lang,
                      const std::string& origin) {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.title = title;
  doc.date = date;
  doc.url = url;
  doc.lang = lang;
  doc.origin = origin.empty() ? id : origin;
  return doc;
}

Extraction ExtractOne(const Document& doc, const std::optional<PyRulePack>& rules) {
  const RulePack& pack = PackOf(rules);
  Result<Extraction> ex = [&] {
    py::gil_scoped_release release;
    return Pipeline(pack).Extract(doc);
  }();
  return Unwrap(std::move(ex));
}

// Extracts `docs` (tuples id, text, title, date, url, lang, origin) on
// `jobs` threads without the GIL and merges them into `graph`. Ctrl-C
// stops the run between documents and raises KeyboardInterrupt.
void BuildInto(Graph& graph, const std::vector<std::vector<std::string>>& rows, const std::optional<PyRulePack>& rules,
               int jobs) {
  std::vector<Document> docs;
  docs.reserve(rows.size());
  for (const auto& r : rows) {
    if (r.size() != 7) throw py::value_error("internal: a document row needs 7 fields");
    docs.push_back(MakeDocument(r[1], r[0], r[2], r[3], r[4], r[5], r[6]));
  }
  const RulePack& pack = PackOf(rules);
  RunOptions options;
  options.threads = jobs;
  bool interrupted = false;
  const std::thread::id caller = std::this_thread::get_id();
  options.cancelled = [&]() {
    // Signals are delivered to the thread that holds the interpreter's main
    // thread state; only the calling thread checks them.
    if (std::this_thread::get_id() != caller) return interrupted;
    py::gil_scoped_acquire acquire;
    if (PyErr_CheckSignals() != 0) interrupted = true;
    return interrupted;
  };
  Result<Graph> built = [&] {
    py::gil_scoped_release release;
    return Pipeline(pack).Run(docs, options);
  }();
  if (interrupted) throw py::error_already_set();
  graph.Merge(Unwrap(std::move(built)));
}

Direction ParseDirection(const std::string& direction) {
  if (direction == "out") return Direction::kOut;
  if (direction == "in") return Direction::kIn;
  if (direction == "both") return Direction::kBoth;
  throw StatusError{Error{ErrorCode::kInvalidArgument,
                          "direction is \"out\", \"in\" or \"both\", not \"" + direction + "\"", {}, "", false}};
}

py::dict StatsDict(const GraphStats& s) {
  py::dict d;
  d["nodes"] = s.nodes;
  d["edges"] = s.edges;
  d["by_type"] = s.by_type;
  d["by_relation"] = s.by_relation;
  d["top_degree"] = s.top_degree;
  d["top_pagerank"] = s.top_pagerank;
  d["components"] = s.components;
  return d;
}

// Graph.write's docstring, its formats from the table.
const std::string& WriteDoc() {
  static const std::string doc =
      "Writes the graph, atomically, in the format its extension names (" + OutputExtensions() +
      "), or the one `format` names (" + OutputFormatNames() +
      "; neo4j writes `path` as a new directory of CSV files). An .html page made here has no document texts, so "
      "its side panel shows mention and claim texts without their sentences. JSON is compact (one line), "
      "or indented with pretty=True.";
  return doc;
}

std::string GraphRepr(const Graph& g) {
  const size_t claims = g.claim_count();
  return "<claimgraph.Graph: " + std::to_string(g.node_count() - claims) + " entities, " + std::to_string(claims) +
         " claims, " + std::to_string(g.edge_count()) + " edges, " + std::to_string(g.Documents().size()) +
         " documents>";
}

template <typename T>
std::string Quote(const T& s) {
  return py::repr(py::str(s));
}

}  // namespace
}  // namespace claimgraph::python

PYBIND11_MODULE(_claimgraph, m) {
  using namespace claimgraph;          // NOLINT: the bound API
  using namespace claimgraph::python;  // NOLINT
  m.doc() = "claimgraph's C++ engine; import claimgraph instead.";
  m.attr("__version__") = CLAIMGRAPH_VERSION_STRING;

  // Exceptions: Error, and subclasses that are also the matching builtins.
  Exceptions& ex = Classes();
  auto make = [&](const char* name, py::object bases, const char* doc) {
    py::object cls = py::reinterpret_steal<py::object>(
        PyErr_NewExceptionWithDoc((std::string("claimgraph.") + name).c_str(), doc, bases.ptr(), nullptr));
    if (!cls) throw py::error_already_set();
    m.attr(name) = cls;
    return cls;
  };
  ex.base = make("Error", py::reinterpret_borrow<py::object>(PyExc_Exception),
                 "A claimgraph error. str(e) is the message the CLI prints (file:line: error: ...);\n"
                 "e.code is its kind (\"invalid-rules\", ...), e.errors every problem as a dict.");
  ex.file = make("FileError", py::make_tuple(ex.base, py::reinterpret_borrow<py::object>(PyExc_OSError)),
                 "A file could not be read or written (also an OSError).");
  ex.input = make("InputError", py::make_tuple(ex.base, py::reinterpret_borrow<py::object>(PyExc_ValueError)),
                  "A bad document or graph file: invalid UTF-8, a malformed line (also a ValueError).");
  ex.rules = make("RulesError", py::make_tuple(ex.base, py::reinterpret_borrow<py::object>(PyExc_ValueError)),
                  "A rule pack failed validation; e.errors lists every problem (also a ValueError).");
  ex.argument = make("ArgumentError", py::make_tuple(ex.base, py::reinterpret_borrow<py::object>(PyExc_ValueError)),
                     "A bad argument: an unknown entity name, output format or option (also a ValueError).");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      Raise(e.status);
    }
  });

  py::class_<PyRulePack>(m, "RulePack", "A compiled, validated, immutable rule pack.")
      .def_static("default", [] { return PyRulePack{DefaultPack(), {"builtin"}}; },
                  "Returns the default rule pack compiled into claimgraph (loaded once, shared).")
      .def_static(
          "load",
          [](const py::object& path, const std::optional<PyRulePack>& base) {
            std::vector<std::string> layers = base ? base->layers : std::vector<std::string>{};
            if (py::isinstance<py::list>(path) || py::isinstance<py::tuple>(path)) {
              for (const py::handle& p : path) layers.push_back(PathString(py::reinterpret_borrow<py::object>(p)));
            } else {
              layers.push_back(PathString(path));
            }
            return LoadLayers(layers);
          },
          py::arg("path"), py::arg("base") = py::none(),
          "Loads the pack in directory `path` (or layers a list of directories; \"builtin\" names\n"
          "the default pack). With `base`, the pack is layered on top of it: later layers add\n"
          "entries and override earlier ones by id. Raises RulesError (every problem, with\n"
          "file:line:column) or FileError.")
      .def_property_readonly("layers", [](const PyRulePack& r) { return r.layers; })
      .def_property_readonly("origin", [](const PyRulePack& r) { return r.pack->origin(); })
      .def_property_readonly("entity_count", [](const PyRulePack& r) { return r.pack->entity_count(); })
      .def_property_readonly("alias_count", [](const PyRulePack& r) { return r.pack->alias_count(); })
      .def_property_readonly("pattern_count", [](const PyRulePack& r) { return r.pack->pattern_count(); })
      .def_property_readonly("attribution_rule_count",
                             [](const PyRulePack& r) { return r.pack->attribution_rule_count(); })
      .def_property_readonly("cue_count", [](const PyRulePack& r) { return r.pack->cue_count(); })
      .def_property_readonly("particle_count", [](const PyRulePack& r) { return r.pack->particle_count(); })
      .def("__repr__", [](const PyRulePack& r) {
        return "<claimgraph.RulePack " + Quote(r.pack->origin()) + ": " + std::to_string(r.pack->entity_count()) +
               " entities, " + std::to_string(r.pack->pattern_count()) + " patterns, " +
               std::to_string(r.pack->attribution_rule_count()) + " attribution rules>";
      });

  py::class_<EntityMention>(m, "EntityMention", "An entity mention: offsets are code points into the text.")
      .def_readonly("entity_id", &EntityMention::entity_id)
      .def_readonly("label", &EntityMention::label)
      .def_readonly("type", &EntityMention::type)
      .def_readonly("start", &EntityMention::start)
      .def_readonly("end", &EntityMention::end)
      .def_readonly("text", &EntityMention::text)
      .def_readonly("surface", &EntityMention::surface)
      .def_readonly("sentence", &EntityMention::sentence)
      .def_readonly("rule", &EntityMention::rule)
      .def_readonly("particle", &EntityMention::particle)
      .def_readonly("aliases", &EntityMention::aliases)
      .def_readonly("attributes", &EntityMention::attributes)
      .def("__repr__", [](const EntityMention& e) {
        return "<EntityMention " + Quote(e.text) + " -> " + e.entity_id + " [" + std::to_string(e.start) + ", " +
               std::to_string(e.end) + ") " + e.rule + ">";
      });

  py::class_<RelationMention>(m, "RelationMention", "A relation read by a rule, with its evidence span.")
      .def_readonly("source", &RelationMention::source)
      .def_readonly("target", &RelationMention::target)
      .def_readonly("relation", &RelationMention::relation)
      .def_readonly("start", &RelationMention::start)
      .def_readonly("end", &RelationMention::end)
      .def_readonly("sentence", &RelationMention::sentence)
      .def_readonly("rule", &RelationMention::rule)
      .def_readonly("attributes", &RelationMention::attributes)
      .def("__repr__", [](const RelationMention& r) {
        return "<RelationMention " + r.source + " -" + r.relation + "-> " + r.target + " " + r.rule + ">";
      });

  py::class_<ClaimMention>(m, "ClaimMention", "A claim: speaker, cue and content span.")
      .def_readonly("id", &ClaimMention::id)
      .def_readonly("label", &ClaimMention::label)
      .def_readonly("text", &ClaimMention::text)
      .def_readonly("cue", &ClaimMention::cue)
      .def_readonly("modality", &ClaimMention::modality)
      .def_readonly("negated", &ClaimMention::negated)
      .def_readonly("start", &ClaimMention::start)
      .def_readonly("end", &ClaimMention::end)
      .def_readonly("sentence", &ClaimMention::sentence)
      .def_readonly("rule", &ClaimMention::rule)
      .def_readonly("speaker", &ClaimMention::speaker)
      .def_readonly("speaker_status", &ClaimMention::speaker_status)
      .def_readonly("evidence_start", &ClaimMention::evidence_start)
      .def_readonly("evidence_end", &ClaimMention::evidence_end)
      .def_readonly("coref_rule", &ClaimMention::coref_rule)
      .def_readonly("coref_text", &ClaimMention::coref_text)
      .def_readonly("coref_start", &ClaimMention::coref_start)
      .def_readonly("coref_end", &ClaimMention::coref_end)
      .def_readonly("medium", &ClaimMention::medium)
      .def_readonly("mentions", &ClaimMention::mentions)
      .def_readonly("about", &ClaimMention::about)
      .def_readonly("date", &ClaimMention::date)
      .def("__repr__", [](const ClaimMention& c) {
        return "<ClaimMention " + c.id + " by " + (c.speaker.empty() ? "(" + c.speaker_status + ")" : c.speaker) +
               ": " + Quote(c.label) + ">";
      });

  py::class_<RejectedMatch>(m, "RejectedMatch", "A candidate mention that lost, and why.")
      .def_readonly("start", &RejectedMatch::start)
      .def_readonly("end", &RejectedMatch::end)
      .def_readonly("text", &RejectedMatch::text)
      .def_readonly("rule", &RejectedMatch::rule)
      .def_readonly("reason", &RejectedMatch::reason)
      .def("__repr__", [](const RejectedMatch& r) { return "<RejectedMatch " + Quote(r.text) + ": " + r.reason + ">"; });

  py::class_<Graph>(m, "Graph", "An entity-and-claim graph (node-link JSON is its contract).")
      .def(py::init<>())
      .def_property_readonly("node_count", &Graph::node_count)
      .def_property_readonly("edge_count", &Graph::edge_count)
      .def_property_readonly("claim_count", &Graph::claim_count)
      .def("__len__", &Graph::node_count)
      .def("__repr__", &GraphRepr)
      .def("__contains__",
           [](const Graph& g, const std::string& name) {
             return g.FindNode(name) != nullptr || FindEntity(g, name).ok();
           })
      .def("copy", [](const Graph& g) { return Graph(g); }, "Returns a copy.")
      .def("merge", [](Graph& g, const Graph& other) { g.Merge(other); }, py::arg("other"),
           "Merges `other` into this graph (associative and commutative).")
      .def("nodes", [](const Graph& g) { return NodeDicts(g.Nodes()); },
           "Returns every node as the dict the JSON export holds, sorted by id.")
      .def("edges",
           [](const Graph& g) {
             py::list out;
             g.ForEachKeyedEdge([&](const Edge& e, int key) { out.append(JsonLoads(WriteEdgeJson(e, key))); });
             return out;
           },
           "Returns every edge as the dict the JSON export holds (with its key), in export order.")
      .def("documents",
           [](const Graph& g) {
             py::list out;
             for (const DocumentInfo& d : g.Documents()) {
               py::dict doc(py::arg("id") = d.id, py::arg("chars") = d.chars);
               for (auto [key, value] : {std::pair{"title", &d.title}, std::pair{"date", &d.date},
                                         std::pair{"url", &d.url}, std::pair{"lang", &d.lang}}) {
                 if (!value->empty()) doc[key] = *value;
               }
               out.append(doc);
             }
             return out;
           },
           "Returns the documents as the JSON export's graph.documents holds them: id, chars, and\n"
           "title, date, url, lang where the input had them.")
      .def("find",
           [](const Graph& g, const std::string& name, const std::optional<PyRulePack>& rules) {
             return Resolve(g, name, rules);
           },
           py::arg("name"), py::arg("rules") = py::none(),
           "Returns the id of the entity named `name` (label, alias or id; Korean particles\n"
           "tolerated). Raises ArgumentError naming the closest names.")
      .def("node",
           [](const Graph& g, const std::string& name) { return NodeDict(*g.FindNode(Resolve(g, name, std::nullopt))); },
           py::arg("name"), "Returns the node named `name` (or with that id) as a dict.")
      .def("neighbors",
           [](const Graph& g, const std::string& name, const std::optional<std::string>& relation,
              const std::string& direction) {
             const std::string id = Resolve(g, name, std::nullopt);
             py::list out;
             for (const Neighbor& n : Neighbors(g, id, relation.value_or(""), ParseDirection(direction))) {
               const Node* node = g.FindNode(n.id);
               py::dict d;
               d["id"] = n.id;
               d["label"] = node ? node->label : "";
               d["kind"] = node ? node->kind : "";
               d["type"] = node ? node->type : "";
               d["relation"] = n.relation;
               d["direction"] = n.outgoing ? "out" : "in";
               d["weight"] = n.weight;
               out.append(d);
             }
             return out;
           },
           py::arg("name"), py::arg("relation") = py::none(), py::arg("direction") = "both",
           "Returns the neighbours of `name` over `relation` (any when None) in `direction`\n"
           "(\"out\", \"in\", \"both\"), as dicts: id, label, kind, type, relation, direction, weight.")
      .def("path",
           [](const Graph& g, const std::string& from, const std::string& to, int max_hops,
              const std::optional<std::string>& via) -> py::object {
             const auto path = ShortestPath(g, Resolve(g, from, std::nullopt), Resolve(g, to, std::nullopt), max_hops,
                                            via.value_or(""));
             if (!path) return py::none();
             py::list out;
             for (const PathStep& s : *path) {
               py::dict d;
               d["from"] = s.from;
               d["to"] = s.to;
               d["relation"] = s.relation;
               d["forward"] = s.forward;
               if (!s.evidence.doc.empty()) {
                 d["evidence"] = py::dict(py::arg("doc") = s.evidence.doc, py::arg("start") = s.evidence.start,
                                          py::arg("end") = s.evidence.end, py::arg("rule") = s.evidence.rule);
               }
               out.append(d);
             }
             return std::move(out);
           },
           py::arg("source"), py::arg("target"), py::arg("max_hops") = 6, py::arg("via") = py::none(),
           "Returns a shortest path as a list of steps {from, to, relation, forward, evidence} (edges\n"
           "in either direction; over stated relations when a path exists, else co_mentioned too;\n"
           "with `via`, that relation only; smallest ids win ties), or None when there is none within\n"
           "max_hops. evidence is the edge's first span {doc, start, end, rule}.")
      .def("claims",
           [](const Graph& g, const std::optional<std::string>& by, const std::optional<std::string>& about,
              const std::optional<std::string>& cue, const std::optional<std::string>& since,
              const std::optional<std::string>& until) {
             ClaimQuery q = DayRange(since, until);
             if (by) q.by = Resolve(g, *by, std::nullopt);
             if (about) q.about = Resolve(g, *about, std::nullopt);
             q.cue = cue.value_or("");
             return NodeDicts(Claims(g, q));
           },
           py::arg("by") = py::none(), py::arg("about") = py::none(), py::arg("cue") = py::none(),
           py::arg("since") = py::none(), py::arg("until") = py::none(),
           "Returns the claim nodes (dicts as in the JSON export) made by `by`, mentioning or about\n"
           "`about`, with cue lemma `cue`, dated from `since` to `until` (YYYY-MM-DD, inclusive;\n"
           "a claim's date is the day its sentence names, else its document's); each filter is\n"
           "optional, and with a day range undated claims are left out.")
      .def("timeline",
           [](const Graph& g, const std::string& name, const std::optional<std::string>& since,
              const std::optional<std::string>& until) {
             const std::string id = Resolve(g, name, std::nullopt);
             py::list out;
             for (const TimelineEntry& e : Timeline(g, id, DayRange(since, until))) {
               py::dict d;
               d["claim"] = NodeDict(e.claim);
               d["by"] = e.by;
               d["about"] = e.about;
               out.append(d);
             }
             return out;
           },
           py::arg("name"), py::arg("since") = py::none(), py::arg("until") = py::none(),
           "Returns the claims made by `name` and about it, in date order (undated last), each as\n"
           "{\"claim\": node dict, \"by\": bool, \"about\": bool}; the document's title and url are\n"
           "in documents().")
      .def("subgraph",
           [](const Graph& g, const std::string& name, int hops) { return Subgraph(g, Resolve(g, name, std::nullopt), hops); },
           py::arg("name"), py::arg("hops") = 1, "Returns the subgraph within `hops` edges of `name`.")
      .def("stats", [](const Graph& g, size_t top) { return StatsDict(ComputeStats(g, top)); }, py::arg("top") = 10,
           "Returns counts by type and relation, the top nodes by degree and PageRank, and the\n"
           "number of weakly connected components.")
      .def("to_json",
           [](const Graph& g, bool pretty) { return WriteJson(g, pretty ? JsonLayout::kPretty : JsonLayout::kCompact); },
           py::arg("pretty") = false,
           "Returns the node-link JSON, byte for byte what the CLI writes: compact (one line and a\n"
           "newline), or with pretty=True indented as by `claimgraph build --pretty`.")
      .def("write",
           [](const Graph& g, const py::object& path, const std::optional<std::string>& format_name, bool pretty) {
             const std::string p = PathString(path);
             const GraphFormat format = format_name ? Unwrap(FormatFromName(*format_name)) : Unwrap(FormatFromPath(p));
             if (FormatInfoOf(format).directory) {
               const std::vector<OutputFile> files = WriteNeo4jCsv(g);
               py::gil_scoped_release release;
               Check(WriteDirectoryAtomic(p, files));
               return;
             }
             const std::string content =
                 format == GraphFormat::kJson && pretty ? WriteJson(g, JsonLayout::kPretty) : WriteGraph(g, format);
             py::gil_scoped_release release;
             Check(WriteFileAtomic(p, content));
           },
           py::arg("path"), py::arg("format") = py::none(), py::arg("pretty") = false, WriteDoc().c_str());

  m.def(
      "formats",
      []() {
        py::list out;
        for (const FormatInfo& f : Formats()) {
          py::list extensions;
          for (const char* e : f.extensions) extensions.append(e);
          out.append(py::dict(py::arg("name") = f.name, py::arg("extensions") = extensions,
                              py::arg("description") = f.description, py::arg("output") = f.output,
                              py::arg("directory") = f.directory, py::arg("readable") = f.readable));
        }
        return out;
      },
      "Returns the graph formats as dicts: name (as Graph.write's `format` takes it), extensions,\n"
      "description, output (write can produce it), directory (written as a new directory of\n"
      "files), readable (read_graph reads it back).");

  py::class_<Extraction>(m, "Extraction", "What one document yields: mentions, claims, relations.")
      .def_readonly("id", &Extraction::doc_id)
      .def_readonly("chars", &Extraction::chars)
      .def_property_readonly("sentences",
                             [](const Extraction& e) {
                               std::vector<std::pair<int64_t, int64_t>> out;
                               for (const SentenceSpan& s : e.sentences) out.emplace_back(s.start, s.end);
                               return out;
                             })
      .def_readonly("entities", &Extraction::mentions)
      .def_readonly("claims", &Extraction::claims)
      .def_readonly("relations", &Extraction::relations)
      .def_readonly("rejected", &Extraction::rejected)
      .def("to_graph", &ExtractionToGraph, "Returns this document's graph (what build() merges).")
      .def("__repr__", [](const Extraction& e) {
        return "<claimgraph.Extraction " + Quote(e.doc_id) + ": " + std::to_string(e.mentions.size()) +
               " entity mentions, " + std::to_string(e.claims.size()) + " claims, " +
               std::to_string(e.relations.size()) + " relations>";
      });

  m.def(
      "_extract",
      [](const std::string& text, const std::string& id, const std::optional<PyRulePack>& rules,
         const std::string& title, const std::string& date, const std::string& url, const std::string& lang) {
        return ExtractOne(MakeDocument(text, id, title, date, url, lang, ""), rules);
      },
      py::arg("text"), py::arg("id"), py::arg("rules"), py::arg("title"), py::arg("date"), py::arg("url"),
      py::arg("lang"));
  m.def(
      "_raise",
      [](const std::string& code, const std::string& message, const std::string& file) {
        Error e;
        e.code = code == "invalid-utf8" ? ErrorCode::kInvalidUtf8 : ErrorCode::kInvalidInput;
        e.message = message;
        e.location.file = file;
        throw StatusError{e};
      },
      py::arg("code"), py::arg("message"), py::arg("file"));
  m.def("_build_into", &BuildInto, py::arg("graph"), py::arg("rows"), py::arg("rules"), py::arg("jobs"));
  m.def(
      "_read_documents",
      [](const py::object& path, bool skip_bad, bool lossy) {
        ReadOptions options;
        options.skip_bad = skip_bad;
        options.lossy = lossy;
        const std::string p = PathString(path);
        Result<ReadResult> read = [&] {
          py::gil_scoped_release release;
          return ReadDocuments(p, options);
        }();
        return DocumentsAndWarnings(Unwrap(std::move(read)));
      },
      py::arg("path"), py::arg("skip_bad"), py::arg("lossy"));
  m.def(
      "_read_jsonl_block",
      [](const py::bytes& content, const std::string& origin, int first_line, uint64_t first_byte, bool skip_bad,
         bool lossy) {
        ReadOptions options;
        options.skip_bad = skip_bad;
        options.lossy = lossy;
        std::string text = content;
        Result<ReadResult> read = [&] {
          py::gil_scoped_release release;
          return ReadJsonlBlock(text, origin, first_line, first_byte, options);
        }();
        return DocumentsAndWarnings(Unwrap(std::move(read)));
      },
      py::arg("content"), py::arg("origin"), py::arg("first_line"), py::arg("first_byte"), py::arg("skip_bad"),
      py::arg("lossy"));
  m.def(
      "_input_files",
      [](const py::object& path) {
        std::vector<Error> passed_over;
        std::vector<std::string> files = Unwrap(InputFiles(PathString(path), &passed_over));
        py::list warnings;
        for (const Error& w : passed_over) warnings.append(w.ToString());
        return py::make_tuple(files, warnings);
      },
      py::arg("path"));
  m.def(
      "read",
      [](const py::object& path) {
        const std::string p = PathString(path);
        Result<Graph> g = [&] {
          py::gil_scoped_release release;
          return ReadGraph(p);
        }();
        return Unwrap(std::move(g));
      },
      py::arg("path"),
      "Reads a graph: node-link JSON (.json), JSON lines of partial graphs (.jsonl), GraphML\n"
      "(.graphml) or DOT (.dot). Raises FileError or InputError (with file and line).");
  m.def(
      "loads",
      [](const std::string& json, const std::string& origin) { return Unwrap(ParseGraphJson(json, origin)); },
      py::arg("json"), py::arg("origin") = "<string>", "Parses node-link JSON text into a Graph.");
  m.def(
      "merge",
      [](const std::vector<const Graph*>& graphs) {
        Graph out;
        for (const Graph* g : graphs) out.Merge(*g);
        return out;
      },
      py::arg("graphs"), "Returns the merge of `graphs` (order does not matter).");
}
