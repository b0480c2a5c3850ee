// SPDX-License-Identifier: Apache-2.0
// Stage 6: the JSON contract, GraphML keys, DOT, determinism and atomic
// writes.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "claimgraph/io.h"
#include "test_util.h"

namespace claimgraph {
namespace {

Graph SampleGraph() {
  Pipeline pipeline(testing::BuiltInRules());
  Document doc;
  doc.id = "s";
  doc.text = "LM 아레나 1위 모델은 텐센트의 '훈위안-이미지-3.0'이다. \"빠르다,\" 그는 말했다.";
  Result<Graph> g = pipeline.Run({doc});
  REQUIRE(g.ok());
  return *g;
}

TEST_CASE("node-link JSON follows the contract") {
  const std::string json = WriteJson(SampleGraph());
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["directed"].GetBool());
  CHECK(d["multigraph"].GetBool());
  CHECK(std::string(d["graph"]["generator"].GetString()).rfind("claimgraph ", 0) == 0);
  CHECK(d["graph"]["documents"][0]["chars"].GetInt() == 50);
  const auto& nodes = d["nodes"];
  REQUIRE(nodes.Size() == 3);
  CHECK(std::string(nodes[0]["id"].GetString()) == "ent:hunyuan-image-3-0");
  CHECK(std::string(nodes[0]["kind"].GetString()) == "entity");
  CHECK(std::string(nodes[0]["type"].GetString()) == "Model");
  CHECK(std::string(nodes[0]["developer"].GetString()) == "ent:tencent");
  const auto& mention = nodes[0]["mentions"][0];
  CHECK(std::string(mention["text"].GetString()) == "훈위안-이미지-3.0");
  CHECK(mention["start"].GetInt() == 20);
  CHECK(mention["end"].GetInt() == 31);
  CHECK(std::string(mention["rule"].GetString()) == "gazetteer");
  bool develops = false;
  for (const auto& e : d["edges"].GetArray()) {
    CHECK(e.HasMember("key"));
    CHECK(e.HasMember("weight"));
    CHECK(e["evidence"].IsArray());
    if (std::string(e["relation"].GetString()) == "develops") {
      develops = std::string(e["source"].GetString()) == "ent:tencent" &&
                 std::string(e["target"].GetString()) == "ent:hunyuan-image-3-0";
    }
  }
  CHECK(develops);
}

TEST_CASE("GraphML has typed keys with for= and the canonical name in label") {
  const std::string xml = WriteGraphml(SampleGraph());
  CHECK(xml.find("<graphml") != std::string::npos);
  CHECK(xml.find("for=\"node\" attr.name=\"label\" attr.type=\"string\"") != std::string::npos);
  CHECK(xml.find("for=\"node\" attr.name=\"mention_count\" attr.type=\"int\"") != std::string::npos);
  CHECK(xml.find("for=\"edge\" attr.name=\"weight\" attr.type=\"long\"") != std::string::npos);
  CHECK(xml.find("for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"") != std::string::npos);
  CHECK(xml.find(">Hunyuan-Image-3.0</data>") != std::string::npos);
}

TEST_CASE("GraphML names nodes by their ids, gives a node only its fields, and types attributes by their values") {
  Graph g;
  Node a;
  a.id = "ent:a";
  a.kind = "entity";
  a.label = "A";
  a.type = "Model";
  a.attributes = {{"year", "2025"}, {"score", "0.25"}, {"code", "07"}, {"big", "123456789012345678901"}};
  g.AddNode(a);
  Node b = a;
  b.id = "ent:b";
  b.attributes = {{"year", "1999"}, {"score", "3"}, {"code", "7"}};
  g.AddNode(b);
  Node c;
  c.id = "claim:d:0";
  c.kind = "claim";
  c.is_claim = true;
  c.label = c.claim.text = "it works";
  c.claim.doc = "d";
  c.claim.start = 3;
  c.claim.end = 11;
  g.AddNode(c);
  const std::string xml = WriteGraphml(g);
  CHECK(xml.find("<node id=\"ent:a\">") != std::string::npos);
  CHECK(xml.find("<node id=\"claim:d:0\">") != std::string::npos);
  CHECK(xml.find("attr.name=\"node_id\"") == std::string::npos);
  // Every value a plain integer: long; integers and decimals: string (a
  // reader would print 3 as 3.0); "07" and 21 digits stay strings.
  CHECK(xml.find("attr.name=\"year\" attr.type=\"long\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"score\" attr.type=\"string\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"code\" attr.type=\"string\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"big\" attr.type=\"string\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"start\" attr.type=\"long\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"negated\" attr.type=\"boolean\"") != std::string::npos);
  // The claim has no aliases or type; the entities no claim fields.
  const size_t claim = xml.find("<node id=\"claim:d:0\">");
  const std::string claim_xml = xml.substr(claim, xml.find("</node>", claim) - claim);
  CHECK(claim_xml.find("n_aliases") == std::string::npos);
  CHECK(claim_xml.find("n_type") == std::string::npos);
  const size_t entity = xml.find("<node id=\"ent:a\">");
  const std::string entity_xml = xml.substr(entity, xml.find("</node>", entity) - entity);
  CHECK(entity_xml.find("n_start") == std::string::npos);
  CHECK(entity_xml.find("n_negated") == std::string::npos);
  // Read back: the same graph, attributes as the text they were.
  Result<Graph> back = ParseGraphml(xml, "g.graphml");
  REQUIRE(back.ok());
  CHECK(WriteJson(*back) == WriteJson(g));
}

TEST_CASE("GraphML from another tool: nodes named by their id attribute, defaults applied, graphics skipped") {
  Result<Graph> g = ParseGraphml(R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="type" attr.type="string"><default>Organization</default></key>
  <key id="d2" for="node" yfiles.type="nodegraphics"/>
  <key id="d3" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="ent:x"><data key="d0">X Corp</data><data key="d2"><y:ShapeNode><y:Fill color="#FF0000"/></y:ShapeNode></data></node>
    <node id="ent:y"><data key="d0">Y Lab</data><data key="d1">Person</data></node>
    <edge source="ent:x" target="ent:y"><data key="d3">leads</data></edge>
  </graph>
</graphml>)", "yed.graphml");
  REQUIRE(g.ok());
  REQUIRE(g->FindNode("ent:x") != nullptr);
  CHECK(g->FindNode("ent:x")->label == "X Corp");
  CHECK(g->FindNode("ent:x")->type == "Organization");  // the key's default
  CHECK(g->FindNode("ent:y")->type == "Person");
  CHECK(g->FindNode("ent:x")->attributes.empty());  // the graphics block is no value
  const std::vector<Edge> edges = g->Edges();
  REQUIRE(edges.size() == 1);
  CHECK(edges[0].relation == "leads");
}

TEST_CASE("DOT carries labels, types and relations") {
  const std::string dot = WriteDot(SampleGraph());
  CHECK(dot.rfind("digraph G {", 0) == 0);
  CHECK(dot.find("label=Tencent") != std::string::npos);
  CHECK(dot.find("relation=develops") != std::string::npos);
}

TEST_CASE("writers are deterministic") {
  CHECK(WriteJson(SampleGraph()) == WriteJson(SampleGraph()));
  CHECK(WriteGraphml(SampleGraph()) == WriteGraphml(SampleGraph()));
  CHECK(WriteDot(SampleGraph()) == WriteDot(SampleGraph()));
}

TEST_CASE("streamed JSON is byte for byte the JSON string, and lands atomically") {
  const Graph g = SampleGraph();
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("claimgraph-stream-" + std::to_string(::getpid()) + ".json")).string();
  const Status s = WriteFileAtomic(path, [&](std::FILE* out) { return WriteJson(g, out); });
  REQUIRE(s.ok());
  std::ifstream in(path, std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(written == WriteJson(g));
  // A writer that fails leaves the previous file as it was.
  const Status failed = WriteFileAtomic(path, [](std::FILE* out) { return std::fputs("partial", out) < 0; });
  CHECK_FALSE(failed.ok());
  std::ifstream again(path, std::ios::binary);
  CHECK(std::string((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>()) == written);
  std::filesystem::remove(path);
}

// A graph large enough for the JSON writer to cut it into many pieces,
// with a run of parallel edges that crosses pieces, and two entities whose
// mentions are megabytes of JSON (written out before the object is whole).
Graph LargeGraph() {
  Graph g;
  for (const char* id : {"ent:big1", "ent:big2"}) {
    Node big;
    big.id = id;
    big.kind = "entity";
    big.label = id;
    big.type = "Organization";
    for (int m = 0; m < 20000; ++m) big.mentions.push_back({"doc" + std::to_string(m), m, m + 4, "알리바바", 0, "gazetteer", "는"});
    g.AddNode(big);
  }
  for (int i = 0; i < 3000; ++i) {
    Node n;
    n.id = "ent:e" + std::to_string(i);
    n.kind = "entity";
    // Escapes must survive the re-indenting; a long label crosses the writer's buffer.
    n.label = "Entity \"" + std::to_string(i) + "\"\n\\ \t\x01\x7f 이름" + (i == 7 ? std::string(9000, 'x') : "");
    n.type = "Organization";
    n.aliases = {"E" + std::to_string(i), "이 " + std::to_string(i)};
    for (int m = 0; m < 3; ++m) n.mentions.push_back({"doc" + std::to_string(i % 7), m * 10, m * 10 + 3, "E", m, "gazetteer", ""});
    g.AddNode(n);
  }
  for (int i = 0; i < 5000; ++i) {
    Edge e;
    e.source = "ent:e1";
    e.target = "ent:e2";
    e.relation = "ranked";
    e.attributes = {{"n", std::to_string(i)}};
    e.evidence = {{"doc1", i, i + 5, "rule"}};
    REQUIRE(g.AddEdge(e));
  }
  for (int i = 0; i + 1 < 3000; i += 2) {
    Edge e;
    e.source = "ent:e" + std::to_string(i);
    e.target = "ent:e" + std::to_string(i + 1);
    e.relation = "co_mentioned";
    e.evidence = {{"doc0", 0, 9, "co_mentioned"}, {"doc3", 4, 8, "co_mentioned"}};
    REQUIRE(g.AddEdge(e));
  }
  // Megabytes of documents (a corpus's list): the streamed head spills too.
  for (int d = 0; d < 20000; ++d) {
    g.AddDocument({"doc" + std::to_string(d), 1000 + d, "Title \"" + std::to_string(d) + "\" 제목\n",
                   d % 3 == 0 ? "" : "2026-12-07", "https://example.com/news/" + std::to_string(d), d % 2 ? "ko" : ""});
  }
  return g;
}

std::string StreamedJson(const Graph& g, int threads, JsonLayout layout = JsonLayout::kPretty) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  CHECK(WriteJson(g, f, threads, layout));
  std::string out(static_cast<size_t>(std::ftell(f)), '\0');
  std::rewind(f);
  CHECK(std::fread(out.data(), 1, out.size(), f) == out.size());
  std::fclose(f);
  return out;
}

TEST_CASE("JSON written in pieces, on any number of threads, is what one PrettyWriter writes") {
  const Graph g = LargeGraph();
  const std::string json = WriteJson(g, JsonLayout::kPretty);
  // The reference: the same document parsed and written again by a single
  // RapidJSON PrettyWriter with the writer's settings.
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  REQUIRE_FALSE(doc.HasParseError());
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 1);
  writer.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  doc.Accept(writer);
  CHECK(json == std::string(buffer.GetString(), buffer.GetSize()) + "\n");
  for (int threads : {1, 2, 3}) CHECK(StreamedJson(g, threads) == json);
  CHECK(StreamedJson(Graph(), 2) == WriteJson(Graph(), JsonLayout::kPretty));
  // Compact, the default: one line, the bytes of one compact writer (the
  // partial-graph line) and a newline, on any number of threads.
  const std::string compact = WriteJson(g);
  CHECK(compact == WriteJsonLine(g) + "\n");
  CHECK(std::count(compact.begin(), compact.end(), '\n') == 1);
  for (int threads : {1, 2, 3}) CHECK(StreamedJson(g, threads, JsonLayout::kCompact) == compact);
  CHECK(WriteJson(Graph()) == WriteJsonLine(Graph()) + "\n");
  // Parallel edges are numbered 0, 1, ... in order, across pieces.
  int expected = 0;
  for (const auto& e : doc["edges"].GetArray()) {
    if (std::string(e["source"].GetString()) == "ent:e1" && std::string(e["target"].GetString()) == "ent:e2") {
      CHECK(e["key"].GetInt() == expected);
      ++expected;
    }
  }
  CHECK(expected == 5000);
  // Strings read back as written.
  for (const auto& n : doc["nodes"].GetArray()) {
    if (std::string(n["id"].GetString()) == "ent:e7") {
      CHECK(std::string(n["label"].GetString(), n["label"].GetStringLength()) ==
            "Entity \"7\"\n\\ \t\x01\x7f 이름" + std::string(9000, 'x'));
    }
  }
  // A write error ends the writing on any number of threads (no hang).
  if (std::FILE* full = std::fopen("/dev/full", "w")) {
    for (int threads : {1, 2, 3}) {
      std::clearerr(full);
      CHECK_FALSE(WriteJson(g, full, threads));
    }
    std::fclose(full);
  } else {
    MESSAGE("skipped the write-error case: no /dev/full");
  }
}

TEST_CASE("strings are escaped as RapidJSON's own writer escapes them, wherever the escaped byte falls") {
  // The writer copies a string eight bytes at a time up to the first byte
  // JSON escapes: each such byte at each place of an eight-byte block, and
  // bytes that are not escaped (DEL, UTF-8) around it.
  Graph g;
  std::vector<std::string> labels;
  for (const char* special : {"\"", "\\", "\n", "\x1f", "\x01", "\x7f", "가", "\xc3\xa9"}) {
    for (size_t k = 0; k < 19; ++k) {
      labels.push_back(std::string(k, 'a') + special + std::string(k % 3 == 0 ? 16 : 5, 'b') + special + "이름");
    }
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    Node n;
    n.id = "ent:s" + std::to_string(i);
    n.kind = "entity";
    n.label = labels[i];
    n.type = "Organization";
    g.AddNode(n);
  }
  const std::string json = WriteJson(g);
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  REQUIRE_FALSE(doc.HasParseError());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc.Accept(writer);
  CHECK(json == std::string(buffer.GetString(), buffer.GetSize()) + "\n");
  size_t read = 0;
  for (const auto& n : doc["nodes"].GetArray()) {
    const std::string id = n["id"].GetString();
    const size_t i = std::stoul(id.substr(std::string("ent:s").size()));
    CHECK(std::string(n["label"].GetString(), n["label"].GetStringLength()) == labels[i]);
    ++read;
  }
  CHECK(read == labels.size());
}

TEST_CASE("output format follows the extension") {
  CHECK(*FormatFromPath("g.json") == GraphFormat::kJson);
  CHECK(*FormatFromPath("dir/g.graphml") == GraphFormat::kGraphml);
  CHECK(*FormatFromPath("g.dot") == GraphFormat::kDot);
  Result<GraphFormat> bad = FormatFromPath("g.csv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().ToString() ==
        "g.csv: error: unknown output format \".csv\" (expected .json, .graphml, .dot, .html, .gexf or .cyjs; "
        "for Neo4j CSV use --format neo4j -o DIR)\n");
}

TEST_CASE("every format of the table is found by its name and extensions, and written or read back") {
  const Graph graph = SampleGraph();
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("claimgraph-formats-" + std::to_string(::getpid()));
  fs::create_directories(root);
  const std::string dir = root.string();
  for (const FormatInfo& f : Formats()) {
    INFO("format " << f.name);
    CHECK(&FormatInfoOf(f.format) == &f);
    if (f.output) {
      REQUIRE(FormatFromName(f.name).ok());
      CHECK(*FormatFromName(f.name) == f.format);
    } else {
      CHECK_FALSE(FormatFromName(f.name).ok());
    }
    if (f.directory) {
      CHECK(WriteGraph(graph, f.format).empty());
      CHECK(WriteNeo4jCsv(graph).size() == 5);
      continue;
    }
    for (const char* ext : f.extensions) {
      const std::string path = dir + "/g" + ext;
      CHECK(FormatFromPath(path).ok() == f.output);
      if (!f.output) continue;
      CHECK(*FormatFromPath(path) == f.format);
      const std::string content = WriteGraph(graph, f.format);
      CHECK_FALSE(content.empty());
      REQUIRE(WriteFileAtomic(path, content).ok());
      if (f.readable) {
        Result<Graph> back = ReadGraph(path);
        REQUIRE(back.ok());
        CHECK(back->node_count() == graph.node_count());
      }
    }
  }
  fs::remove_all(root);
}

TEST_CASE("atomic writes replace the file whole, and a failed write keeps the old one") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("claimgraph-write-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "g.json").string();
  REQUIRE(WriteFileAtomic(path, "first").ok());
  REQUIRE(WriteFileAtomic(path, "second").ok());
  CHECK(testing::ReadFileOrEmpty(path) == "second");
  const Status bad = WriteFileAtomic((dir / "missing" / "g.json").string(), "x");
  CHECK_FALSE(bad.ok());
  CHECK(bad.code() == ErrorCode::kIoError);
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);  // no temporary left behind
  SUBCASE("a write cancelled by a signal before its rename keeps the old file, and no temporary") {
    const Status cancelled = WriteFileAtomic(
        path, [](std::FILE* out) { return std::fputs("third", out) >= 0; }, [] { return true; });
    CHECK(cancelled.code() == ErrorCode::kCancelled);
    CHECK(testing::ReadFileOrEmpty(path) == "second");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace claimgraph
