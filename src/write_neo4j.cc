// SPDX-License-Identifier: Apache-2.0
// Stage 6, write Neo4j CSV: the three files `neo4j-admin database import
// full` reads (--nodes=entities.csv --nodes=claims.csv
// --relationships=relationships.csv), with its header conventions: `id:ID`
// (stored as the property id), `:LABEL` ("Entity;Organization", "Claim"),
// `:START_ID`, `:END_ID`, `:TYPE` (the relation upper-cased, Neo4j's
// convention: develops -> DEVELOPS; the original is kept as `relation`),
// typed columns (`start:long`, `negated:boolean`, `aliases:string[]`).
// Strings are quoted with inner quotes doubled; an empty value is left
// unquoted and empty, which the importer reads as "no property". The
// documents are nodes too (documents.csv, label Document, id "doc:" + the
// document id), linked from their claims (IN_DOCUMENT) and from the
// entities they mention (MENTIONED_IN, with the number of mentions) in
// document_links.csv.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "claimgraph/io.h"
#include "extract_claims.h"
#include "write_common.h"

namespace claimgraph {
namespace {

// A quoted CSV string field; "" inside, and empty for an empty value.
std::string Quoted(const std::string& s) {
  if (s.empty()) return "";
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out += "\"";
  return out;
}

// An array field: elements joined with ';', the importer's default array
// delimiter. It has no escape for the delimiter, so a ';' inside an
// element is written as U+FF1B FULLWIDTH SEMICOLON.
std::string Array(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += ";";
    for (const char c : items[i]) {
      if (c == ';') joined += "\xEF\xBC\x9B";
      else joined.push_back(c);
    }
  }
  return Quoted(joined);
}

// "co_mentioned" -> "CO_MENTIONED"
std::string RelationshipType(const std::string& relation) {
  std::string out = relation;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
  }
  return out;
}

// A header name for a free attribute: no ':' or ',' (they mean something
// in a header), attr_<name> when it would shadow a fixed column.
std::string AttributeColumn(const std::string& key, const std::set<std::string>& fixed) {
  std::string name = key;
  for (char& c : name) {
    if (c == ':' || c == ',' || c == '"' || c == '\n' || c == '\r') c = '_';
  }
  return fixed.count(name) ? "attr_" + name : name;
}

// A CSV table: a header of columns, then rows, each row as many fields.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void Row(const std::vector<std::string>& fields) { rows_.push_back(fields); }
  std::string ToString() const {
    std::string out = Join(header_);
    for (const auto& row : rows_) out += Join(row);
    return out;
  }

 private:
  static std::string Join(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
    return line + "\n";
  }
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// The free attribute names of `items` (nodes or edges), sorted.
template <typename T>
std::vector<std::string> AttributeNames(const std::vector<T>& items) {
  std::set<std::string> names;
  for (const T& item : items) {
    for (const auto& [key, value] : item.attributes) names.insert(key);
  }
  return {names.begin(), names.end()};
}

// Appends the header columns of `names` to `header`.
void AddAttributeColumns(const std::vector<std::string>& names, std::vector<std::string>* header) {
  std::set<std::string> fixed;
  for (const std::string& h : *header) fixed.insert(h.substr(0, h.find(':')));
  for (const std::string& key : names) header->push_back(AttributeColumn(key, fixed));
}

// The fields of `attributes` in the order of `names`; absent ones empty.
void AddAttributeFields(const std::vector<std::string>& names, const std::map<std::string, std::string>& attributes,
                        std::vector<std::string>* row) {
  for (const std::string& key : names) {
    const auto it = attributes.find(key);
    row->push_back(it == attributes.end() ? "" : Quoted(it->second));
  }
}

}  // namespace

std::vector<OutputFile> WriteNeo4jCsv(const Graph& graph) {
  const std::vector<Node> nodes = graph.Nodes();
  std::vector<Node> entities, claims;
  for (const Node& n : nodes) (n.is_claim ? claims : entities).push_back(n);

  std::vector<std::string> entity_header = {"id:ID", ":LABEL", "label", "type", "aliases:string[]",
                                            "mention_count:int", "mentions"};
  const std::vector<std::string> entity_attrs = AttributeNames(entities);
  AddAttributeColumns(entity_attrs, &entity_header);
  Table entity_table(entity_header);
  for (const Node& n : entities) {
    std::vector<std::string> row = {Quoted(n.id),
                                    Quoted("Entity;" + n.type),
                                    Quoted(n.label),
                                    Quoted(n.type),
                                    Array(n.aliases),
                                    std::to_string(n.mentions.size()),
                                    Quoted(internal::MentionsToJson(n.mentions))};
    AddAttributeFields(entity_attrs, n.attributes, &row);
    entity_table.Row(row);
  }

  std::vector<std::string> claim_header = {"id:ID", ":LABEL", "label", "text", "cue", "modality",
                                           "negated:boolean", "doc", "start:long", "end:long", "sentence:int",
                                           "rule", "speaker", "speaker_status"};
  const std::vector<std::string> claim_attrs = AttributeNames(claims);
  AddAttributeColumns(claim_attrs, &claim_header);
  Table claim_table(claim_header);
  for (const Node& n : claims) {
    const ClaimInfo& c = n.claim;
    std::vector<std::string> row = {Quoted(n.id),   Quoted("Claim"),    Quoted(n.label),
                                    Quoted(c.text), Quoted(c.cue),      Quoted(c.modality),
                                    c.negated ? "true" : "false",       Quoted(c.doc),
                                    std::to_string(c.start),            std::to_string(c.end),
                                    std::to_string(c.sentence),         Quoted(c.rule),
                                    Quoted(c.speaker),                  Quoted(c.speaker_status)};
    AddAttributeFields(claim_attrs, n.attributes, &row);
    claim_table.Row(row);
  }

  const std::vector<Edge> edges = graph.Edges();
  const std::vector<int> keys = internal::EdgeKeys(edges);
  std::vector<std::string> edge_header = {":START_ID", ":END_ID", ":TYPE", "relation", "key:int", "weight:long",
                                          "evidence"};
  const std::vector<std::string> edge_attrs = AttributeNames(edges);
  AddAttributeColumns(edge_attrs, &edge_header);
  Table edge_table(edge_header);
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    std::vector<std::string> row = {Quoted(e.source),
                                    Quoted(e.target),
                                    Quoted(RelationshipType(e.relation)),
                                    Quoted(e.relation),
                                    std::to_string(keys[i]),
                                    std::to_string(e.weight),
                                    Quoted(internal::EvidenceToJson(e.evidence))};
    AddAttributeFields(edge_attrs, e.attributes, &row);
    edge_table.Row(row);
  }

  // Documents, and the links of claims and entities to them.
  auto doc_node = [](const std::string& doc) { return "doc:" + doc; };
  const std::vector<DocumentInfo> documents = graph.Documents();
  Table document_table({"id:ID", ":LABEL", "doc", "chars:long", "title", "date", "day:date", "url", "lang"});
  for (const DocumentInfo& d : documents) {  // (day: the date's day, which Neo4j stores as a date)
    document_table.Row({Quoted(doc_node(d.id)), Quoted("Document"), Quoted(d.id), std::to_string(d.chars),
                        Quoted(d.title), Quoted(d.date), std::string(internal::DocumentDay(d.date)), Quoted(d.url),
                        Quoted(d.lang)});
  }
  // (Links only to documents the graph lists, so that every link imports.)
  std::set<std::string> listed;
  for (const DocumentInfo& d : documents) listed.insert(d.id);
  Table link_table({":START_ID", ":END_ID", ":TYPE", "mentions:int"});
  for (const Node& n : claims) {
    if (listed.count(n.claim.doc)) link_table.Row({Quoted(n.id), Quoted(doc_node(n.claim.doc)), Quoted("IN_DOCUMENT"), ""});
  }
  for (const Node& n : entities) {
    std::map<std::string, int> per_doc;
    for (const Mention& m : n.mentions) {
      if (listed.count(m.doc)) ++per_doc[m.doc];
    }
    for (const auto& [doc, count] : per_doc) {
      link_table.Row({Quoted(n.id), Quoted(doc_node(doc)), Quoted("MENTIONED_IN"), std::to_string(count)});
    }
  }
  return {{"entities.csv", entity_table.ToString()},
          {"claims.csv", claim_table.ToString()},
          {"documents.csv", document_table.ToString()},
          {"relationships.csv", edge_table.ToString()},
          {"document_links.csv", link_table.ToString()}};
}

}  // namespace claimgraph
