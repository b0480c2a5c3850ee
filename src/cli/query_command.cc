// SPDX-License-Identifier: Apache-2.0
// `claimgraph query GRAPH VERB ...`: relationship questions in a terminal.
// Human output is aligned tables within 100 columns (Hangul counts two
// columns); --json gives the same rows for machines.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "args.h"
#include "claimgraph/claimgraph.h"
#include "commands.h"
#include "common.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kQueryUsage =
    "Usage: claimgraph query GRAPH VERB [options] [--json]\n"
    "\n"
    "GRAPH is a .json, .jsonl, .graphml or .dot file written by claimgraph. Verbs:\n"
    "  entities [--type T]                       entities, by mentions\n"
    "  relations [--relation R]                  typed edges between nodes\n"
    "  neighbors NAME [--relation R] [--direction in|out|both]\n"
    "  path A B [--max-hops K] [--via R]         shortest path, relation and evidence on each\n"
    "                                            hop: over stated relations when one exists,\n"
    "                                            else co_mentioned too; --via: relation R only\n"
    "  claims [--by NAME] [--about NAME] [--cue C] [--since DAY] [--until DAY]\n"
    "  timeline NAME [--since DAY] [--until DAY]  claims by and about NAME in date\n"
    "                                            order, with each document's title and url\n"
    "  subgraph NAME --hops K -o OUT [--format F]  the K-hop neighbourhood, written as\n"
    "                                            -o and --format say (below)\n"
    "  stats [--top N]                           counts, top degree and PageRank, components\n"
    "\n"
    "NAME is a canonical label or any alias, Korean or English, any case;\n"
    "a trailing Korean particle is ignored (알리바바의 finds Alibaba).\n"
    "DAY is YYYY-MM-DD, inclusive: a claim's date is the day its sentence names,\n"
    "else its document's date; with --since or --until, undated claims are left out.\n"
    "--json   print JSON instead of a table\n"
    "\n"
    "{OUTPUT}";

constexpr int kMaxWidth = 100;

// Prints rows as an aligned table; the last column takes what is left of
// kMaxWidth and is cut with "…".
void PrintTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<int> width(header.size(), 0);
  for (size_t c = 0; c < header.size(); ++c) width[c] = DisplayWidth(header[c]);
  for (const auto& row : rows) {
    for (size_t c = 0; c + 1 < row.size(); ++c) width[c] = std::max(width[c], std::min(DisplayWidth(row[c]), 32));
  }
  // Earlier columns give up width, widest first, until the last column
  // gets at least 12 of the kMaxWidth columns.
  auto used = [&]() {
    int sum = 0;
    for (size_t c = 0; c + 1 < header.size(); ++c) sum += width[c] + 2;
    return sum;
  };
  while (used() + 12 > kMaxWidth) {
    auto widest = std::max_element(width.begin(), width.end() - 1);
    if (*widest <= 4) break;
    --*widest;
  }
  width.back() = std::max(4, kMaxWidth - used());
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string cell = TruncateToWidth(row[c], width[c]);
      line += cell;
      if (c + 1 < row.size()) line += std::string(static_cast<size_t>(width[c] - DisplayWidth(cell) + 2), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  };
  print(header);
  std::vector<std::string> rule;
  for (int w : width) rule.push_back(std::string(static_cast<size_t>(std::min(w, 40)), '-'));
  print(rule);
  for (const auto& row : rows) print(row);
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// The rows a verb answers with: a table for a person, or with --json one
// typed JSON object a row (numbers as numbers, lists as arrays, ids and
// offsets as fields), printed as an array, one object a line.
class Rows {
 public:
  Rows(const ParsedArgs& args, std::vector<std::string> header)
      : json_(args.flags.count("--json") > 0), header_(std::move(header)) {}

  // Adds a row: `cells` for the table, `fields` writes the JSON object's
  // members (only called with --json).
  void Add(std::vector<std::string> cells, const std::function<void(JsonWriter&)>& fields) {
    if (!json_) {
      table_.push_back(std::move(cells));
      return;
    }
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    fields(w);
    w.EndObject();
    objects_.emplace_back(buffer.GetString(), buffer.GetSize());
  }

  void Print() const {
    if (!json_) {
      PrintTable(header_, table_);
      return;
    }
    std::cout << "[";
    for (size_t i = 0; i < objects_.size(); ++i) std::cout << (i ? ",\n " : "\n ") << objects_[i];
    std::cout << (objects_.empty() ? "]\n" : "\n]\n");
  }

 private:
  bool json_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> table_;
  std::vector<std::string> objects_;
};

void Field(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
// A string field that is null when empty (an absent speaker, date, url).
void FieldOrNull(JsonWriter& w, const char* key, const std::string& value) {
  if (value.empty()) {
    w.Key(key);
    w.Null();
  } else {
    Field(w, key, value);
  }
}
void Field(JsonWriter& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int64(value);
}
void Field(JsonWriter& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}
void Field(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key);
  w.StartArray();
  for (const std::string& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  w.EndArray();
}
void Field(JsonWriter& w, const char* key, const std::map<std::string, std::string>& values) {
  w.Key(key);
  w.StartObject();
  for (const auto& [k, v] : values) Field(w, k.c_str(), v);
  w.EndObject();
}

std::string LabelOf(const Graph& g, const std::string& id) {
  const Node* n = g.FindNode(id);
  return n == nullptr || n->label.empty() ? id : n->label;
}

std::string Attributes(const std::map<std::string, std::string>& attributes) {
  std::string s;
  for (const auto& [k, v] : attributes) s += (s.empty() ? "" : " ") + k + "=" + v;
  return s;
}

// Resolves NAME to an entity id, printing the error (with the closest
// names) when there is none.
std::optional<std::string> Resolve(const Graph& graph, const std::string& name) {
  Result<std::string> id = FindEntity(graph, name);
  if (!id.ok()) {
    std::cerr << "claimgraph query: " << id.status().errors().front().message << "\n";
    return std::nullopt;
  }
  return *id;
}

}  // namespace

int QueryCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--type", "--relation", "--direction", "--max-hops", "--by", "--about", "--cue",
                                    "--hops", "--output", "--format", "--top", "--since", "--until", "--max-nodes", "--via"},
                             {"--json", "--pretty"}, {{"-o", "--output"}}, &args)) {
    std::cerr << "claimgraph query: " << *error << "\n\n" << WithOutputHelp(kQueryUsage, 12);
    return kExitUsage;
  }
  if (args.help) {
    std::cout << WithOutputHelp(kQueryUsage, 12);
    return kExitOk;
  }
  if (args.positionals.size() < 2) {
    std::cerr << "claimgraph query: needs GRAPH and VERB\n\n" << WithOutputHelp(kQueryUsage, 12);
    return kExitUsage;
  }
  const std::string verb = args.positionals[1];
  const std::vector<std::string> rest(args.positionals.begin() + 2, args.positionals.end());
  static const std::map<std::string, size_t> kArity = {{"entities", 0}, {"relations", 0}, {"neighbors", 1},
                                                       {"path", 2},     {"claims", 0},    {"subgraph", 1},
                                                       {"stats", 0},    {"timeline", 1}};
  const auto arity = kArity.find(verb);
  if (arity == kArity.end()) {
    // The graph and the verb the other way round: said in one line.
    if (kArity.count(args.positionals[0]) != 0) {
      std::cerr << "claimgraph query: the graph comes before the verb: claimgraph query " << verb << " "
                << args.positionals[0] << (rest.empty() ? "" : " ...") << "\n";
      return kExitUsage;
    }
    std::cerr << "claimgraph query: unknown verb \"" << verb << "\"\n\n" << WithOutputHelp(kQueryUsage, 12);
    return kExitUsage;
  }
  if (rest.size() != arity->second) {
    std::cerr << "claimgraph query " << verb << ": expects " << arity->second << " name"
              << (arity->second == 1 ? "" : "s") << ", got " << rest.size() << "\n\n" << WithOutputHelp(kQueryUsage, 12);
    return kExitUsage;
  }
  auto count_option = [&](const char* name, int fallback) -> std::optional<int> {
    if (!args.values.count(name)) return fallback;
    return ParseCount(args.Value(name));
  };
  const std::optional<int> max_hops = count_option("--max-hops", 6);
  const std::optional<int> hops = count_option("--hops", 1);
  const std::optional<int> top = count_option("--top", 10);
  if (!max_hops || !hops || !top) {
    std::cerr << "claimgraph query: --max-hops, --hops and --top need a number\n";
    return kExitUsage;
  }
  Direction direction = Direction::kBoth;
  const std::string dir = args.Value("--direction", "both");
  if (dir == "in") direction = Direction::kIn;
  else if (dir == "out") direction = Direction::kOut;
  else if (dir != "both") {
    std::cerr << "claimgraph query: --direction is in, out or both, not \"" << dir << "\"\n";
    return kExitUsage;
  }
  if (verb == "subgraph" && !args.values.count("--output")) {
    std::cerr << "claimgraph query subgraph: needs -o OUT\n";
    return kExitUsage;
  }
  Output output;
  if (const int code = ResolveOutput(args, "query", &output); code != kExitOk) return code;

  Result<Graph> loaded = ReadGraph(args.positionals[0]);
  if (!loaded.ok()) {
    std::cerr << loaded.status().ToString();
    return kExitError;
  }
  const Graph& graph = *loaded;

  // Filter values are checked before any answer: a mistyped one is a usage
  // error listing the valid values, not an empty table.
  for (auto [flag, field] : {std::pair{"--type", FilterField::kType}, std::pair{"--relation", FilterField::kRelation},
                             std::pair{"--via", FilterField::kRelation}, std::pair{"--cue", FilterField::kCue}}) {
    if (!args.values.count(flag)) continue;
    Result<std::string> value = ResolveFilterValue(graph, field, args.Value(flag));
    if (!value.ok()) {
      std::cerr << "claimgraph query: " << flag << " " << value.status().errors().front().message << "\n";
      return kExitUsage;
    }
    args.values[flag] = {*value};
  }
  auto label_fields = [&](JsonWriter& w, const char* id_key, const char* label_key, const std::string& id) {
    Field(w, id_key, id);
    Field(w, label_key, LabelOf(graph, id));
  };

  if (verb == "entities") {
    Rows rows(args, {"Label", "Type", "Mentions", "Id", "Aliases"});
    std::vector<Node> nodes = graph.Nodes();
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const Node& a, const Node& b) { return a.mentions.size() > b.mentions.size(); });
    for (const Node& n : nodes) {
      if (n.is_claim || (args.values.count("--type") && n.type != args.Value("--type"))) continue;
      std::string aliases;
      for (const std::string& a : n.aliases) {
        if (a != n.label) aliases += (aliases.empty() ? "" : ", ") + a;
      }
      rows.Add({n.label, n.type, std::to_string(n.mentions.size()), n.id, aliases}, [&](JsonWriter& w) {
        Field(w, "id", n.id);
        Field(w, "label", n.label);
        Field(w, "type", n.type);
        Field(w, "mentions", static_cast<int64_t>(n.mentions.size()));
        Field(w, "aliases", n.aliases);
      });
    }
    rows.Print();
  } else if (verb == "relations") {
    Rows rows(args, {"Source", "Relation", "Target", "Weight", "Attributes"});
    for (const Edge& e : graph.Edges()) {
      if (args.values.count("--relation") ? e.relation != args.Value("--relation") : e.relation == "co_mentioned") {
        continue;
      }
      rows.Add({LabelOf(graph, e.source), e.relation, LabelOf(graph, e.target), std::to_string(e.weight),
                Attributes(e.attributes)},
               [&](JsonWriter& w) {
                 label_fields(w, "source", "source_label", e.source);
                 Field(w, "relation", e.relation);
                 label_fields(w, "target", "target_label", e.target);
                 Field(w, "weight", e.weight);
                 Field(w, "attributes", e.attributes);
               });
    }
    rows.Print();
  } else if (verb == "neighbors") {
    const std::optional<std::string> id = Resolve(graph, rest[0]);
    if (!id) return kExitError;
    Rows rows(args, {"Dir", "Relation", "Neighbor", "Type", "Weight"});
    for (const Neighbor& n : Neighbors(graph, *id, args.Value("--relation"), direction)) {
      const Node* node = graph.FindNode(n.id);
      const bool claim = node != nullptr && node->is_claim;
      const std::string type = node != nullptr && !claim ? node->type : "";
      rows.Add({n.outgoing ? "->" : "<-", n.relation, LabelOf(graph, n.id), claim ? "claim" : type,
                std::to_string(n.weight)},
               [&](JsonWriter& w) {
                 Field(w, "direction", std::string(n.outgoing ? "out" : "in"));
                 Field(w, "relation", n.relation);
                 label_fields(w, "id", "label", n.id);
                 Field(w, "kind", std::string(claim ? "claim" : "entity"));
                 FieldOrNull(w, "type", type);
                 Field(w, "weight", n.weight);
               });
    }
    rows.Print();
  } else if (verb == "path") {
    const std::optional<std::string> a = Resolve(graph, rest[0]);
    const std::optional<std::string> b = a ? Resolve(graph, rest[1]) : std::nullopt;
    if (!a || !b) return kExitError;
    const std::string via = args.Value("--via");
    const std::optional<std::vector<PathStep>> path = ShortestPath(graph, *a, *b, *max_hops, via);
    if (!path) {
      std::cerr << "claimgraph query path: no path from \"" << LabelOf(graph, *a) << "\" to \"" << LabelOf(graph, *b)
                << "\" within " << *max_hops << " hops" << (via.empty() ? "" : " over " + via + " edges") << "\n";
      return kExitError;
    }
    Rows rows(args, {"From", "Relation", "To", "Evidence"});
    for (const PathStep& s : *path) {
      const Evidence& e = s.evidence;
      rows.Add({LabelOf(graph, s.from), s.forward ? s.relation + " ->" : "<- " + s.relation, LabelOf(graph, s.to),
                e.doc.empty() ? "" : e.doc + ":" + std::to_string(e.start) + "-" + std::to_string(e.end)},
               [&](JsonWriter& w) {
                 label_fields(w, "from", "from_label", s.from);
                 Field(w, "relation", s.relation);
                 Field(w, "forward", s.forward);
                 label_fields(w, "to", "to_label", s.to);
                 w.Key("evidence");
                 if (e.doc.empty()) {
                   w.Null();
                   return;
                 }
                 w.StartObject();
                 Field(w, "doc", e.doc);
                 Field(w, "start", e.start);
                 Field(w, "end", e.end);
                 Field(w, "rule", e.rule);
                 w.EndObject();
               });
    }
    rows.Print();
  } else if (verb == "claims" || verb == "timeline") {
    ClaimQuery q;
    for (auto [flag, field] : {std::pair{"--since", &q.since}, std::pair{"--until", &q.until}}) {
      if (!args.values.count(flag)) continue;
      *field = args.Value(flag);
      if (!IsDay(*field)) {
        std::cerr << "claimgraph query: " << flag << " needs a day as YYYY-MM-DD, not \"" << *field << "\"\n";
        return kExitUsage;
      }
    }
    auto attribute = [](const Node& n, const char* key) {
      const auto it = n.attributes.find(key);
      return it == n.attributes.end() ? std::string() : it->second;
    };
    auto speaker_label = [&](const ClaimInfo& c) {
      return c.speaker.empty() ? "(" + c.speaker_status + ")" : LabelOf(graph, c.speaker);
    };
    // The fields of every claim row.
    auto claim_fields = [&](JsonWriter& w, const Node& n) {
      const ClaimInfo& c = n.claim;
      Field(w, "id", n.id);
      FieldOrNull(w, "speaker", c.speaker);
      FieldOrNull(w, "speaker_label", c.speaker.empty() ? "" : LabelOf(graph, c.speaker));
      Field(w, "speaker_status", c.speaker_status);
      Field(w, "cue", c.cue);
      Field(w, "modality", c.modality);
      Field(w, "negated", c.negated);
      Field(w, "doc", c.doc);
      Field(w, "start", c.start);
      Field(w, "end", c.end);
      FieldOrNull(w, "date", attribute(n, "date"));
      FieldOrNull(w, "date_source", attribute(n, "date_source"));
      Field(w, "text", c.text);
    };
    if (verb == "timeline") {
      const std::optional<std::string> id = Resolve(graph, rest[0]);
      if (!id) return kExitError;
      std::map<std::string, DocumentInfo> docs;
      for (DocumentInfo& d : graph.Documents()) docs[d.id] = std::move(d);
      Rows rows(args, {"Date", "Role", "Speaker", "Text", "Document", "URL"});
      for (const TimelineEntry& e : Timeline(graph, *id, q)) {
        const ClaimInfo& c = e.claim.claim;
        const auto doc = docs.find(c.doc);
        const DocumentInfo none;
        const DocumentInfo& d = doc == docs.end() ? none : doc->second;
        rows.Add({attribute(e.claim, "date"), e.by && e.about ? "by, about" : e.by ? "by" : "about", speaker_label(c),
                  c.text, d.title.empty() ? c.doc : d.title, d.url},
                 [&](JsonWriter& w) {
                   claim_fields(w, e.claim);
                   Field(w, "by", e.by);
                   Field(w, "about", e.about);
                   FieldOrNull(w, "title", d.title);
                   FieldOrNull(w, "url", d.url);
                 });
      }
      rows.Print();
      return kExitOk;
    }
    q.cue = args.Value("--cue");
    for (auto [flag, field] : {std::pair{"--by", &q.by}, std::pair{"--about", &q.about}}) {
      if (!args.values.count(flag)) continue;
      const std::optional<std::string> id = Resolve(graph, args.Value(flag));
      if (!id) return kExitError;
      *field = *id;
    }
    Rows rows(args, {"Speaker", "Cue", "Modality", "Where", "Date", "Text"});
    for (const Node& n : Claims(graph, q)) {
      const ClaimInfo& c = n.claim;
      rows.Add({speaker_label(c), c.cue, c.modality + (c.negated ? ", negated" : ""),
                c.doc + ":" + std::to_string(c.start) + "-" + std::to_string(c.end), attribute(n, "date"), c.text},
               [&](JsonWriter& w) { claim_fields(w, n); });
    }
    rows.Print();
  } else if (verb == "subgraph") {
    const std::optional<std::string> id = Resolve(graph, rest[0]);
    if (!id) return kExitError;
    const Graph sub = Subgraph(graph, *id, *hops);
    // A graph file holds no document texts: the HTML view shows the
    // mention and claim texts and says the sentences are not available.
    HtmlOptions html;
    html.title = "claimgraph: " + LabelOf(graph, *id) + ", " + std::to_string(*hops) + " hop" + (*hops == 1 ? "" : "s");
    if (const int code = WriteOutput(sub, output, html); code != kExitOk) return code;
    std::cerr << "claimgraph: " << sub.node_count() << " nodes, " << sub.edge_count() << " edges within " << *hops
              << " hop" << (*hops == 1 ? "" : "s") << " of " << LabelOf(graph, *id) << " -> "
              << args.Value("--output") << "\n";
  } else if (verb == "stats") {
    const GraphStats stats = ComputeStats(graph, static_cast<size_t>(*top));
    if (args.flags.count("--json")) {
      std::cout << "{\"nodes\": " << stats.nodes << ", \"edges\": " << stats.edges
                << ", \"components\": " << stats.components << ", \"by_type\": {";
      size_t i = 0;
      for (const auto& [k, v] : stats.by_type) std::cout << (i++ ? ", " : "") << JsonString(k) << ": " << v;
      std::cout << "}, \"by_relation\": {";
      i = 0;
      for (const auto& [k, v] : stats.by_relation) std::cout << (i++ ? ", " : "") << JsonString(k) << ": " << v;
      std::cout << "}, \"top_degree\": [";
      i = 0;
      for (const auto& [id, d] : stats.top_degree) {
        std::cout << (i++ ? ", " : "") << "{\"id\": " << JsonString(id) << ", \"label\": " << JsonString(LabelOf(graph, id))
                  << ", \"degree\": " << d << "}";
      }
      std::cout << "], \"top_pagerank\": [";
      i = 0;
      for (const auto& [id, r] : stats.top_pagerank) {
        std::cout << (i++ ? ", " : "") << "{\"id\": " << JsonString(id) << ", \"label\": " << JsonString(LabelOf(graph, id))
                  << ", \"pagerank\": " << std::setprecision(6) << r << "}";
      }
      std::cout << "]}\n";
      return kExitOk;
    }
    std::cout << stats.nodes << " nodes, " << stats.edges << " edges, " << stats.components
              << " connected component" << (stats.components == 1 ? "" : "s") << "\n\n";
    std::vector<std::vector<std::string>> types, relations, degree, rank;
    for (const auto& [k, v] : stats.by_type) types.push_back({k, std::to_string(v)});
    for (const auto& [k, v] : stats.by_relation) relations.push_back({k, std::to_string(v)});
    for (const auto& [id, d] : stats.top_degree) degree.push_back({LabelOf(graph, id), std::to_string(d)});
    for (const auto& [id, r] : stats.top_pagerank) {
      std::ostringstream ss;
      ss << std::fixed << std::setprecision(4) << r;
      rank.push_back({LabelOf(graph, id), ss.str()});
    }
    PrintTable({"Type", "Nodes"}, types);
    std::cout << "\n";
    PrintTable({"Relation", "Edges"}, relations);
    std::cout << "\n";
    PrintTable({"Node", "Degree"}, degree);
    std::cout << "\n";
    PrintTable({"Node", "PageRank"}, rank);
  }
  return kExitOk;
}

}  // namespace claimgraph::cli
