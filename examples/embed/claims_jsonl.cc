// SPDX-License-Identifier: Apache-2.0
// Reads JSONL documents ({"id", "text", ...} a line) from a file or stdin
// and prints each document's claims as JSONL: who said what, how, and
// where (code-point offsets into the document's text).
//   claims_jsonl [FILE.jsonl] [--rules DIR]
#include <iostream>
#include <sstream>
#include <string>

#include <claimgraph/claimgraph.h>

namespace {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  std::string file = "-";
  std::string rules_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--rules" && i + 1 < argc) {
      rules_dir = argv[++i];
    } else {
      file = a;
    }
  }
  claimgraph::Result<claimgraph::RulePack> rules =
      rules_dir.empty() ? claimgraph::RulePack::BuiltIn() : claimgraph::RulePack::Load(rules_dir);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return 1;
  }
  std::string content;
  if (file == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    content = ss.str();
  }
  claimgraph::Result<std::vector<claimgraph::Document>> docs =
      file == "-" ? claimgraph::ParseJsonl(content, "<stdin>") : claimgraph::ReadDocuments(file);
  if (!docs.ok()) {
    std::cerr << docs.status().ToString();
    return 1;
  }
  claimgraph::Pipeline pipeline(*rules);
  for (const claimgraph::Document& doc : *docs) {
    claimgraph::Result<claimgraph::Extraction> ex = pipeline.Extract(doc);
    if (!ex.ok()) {
      std::cerr << ex.status().ToString();
      return 1;
    }
    for (const claimgraph::ClaimMention& c : ex->claims) {
      std::string speaker = c.speaker_status;
      for (const claimgraph::EntityMention& m : ex->mentions) {
        if (m.entity_id == c.speaker) speaker = m.label;
      }
      std::cout << "{\"doc\": " << Quote(doc.id) << ", \"speaker\": " << Quote(speaker)
                << ", \"speaker_id\": " << Quote(c.speaker) << ", \"cue\": " << Quote(c.cue)
                << ", \"modality\": " << Quote(c.modality) << ", \"negated\": " << (c.negated ? "true" : "false")
                << ", \"start\": " << c.start << ", \"end\": " << c.end << ", \"text\": " << Quote(c.text)
                << ", \"rule\": " << Quote(c.rule) << "}\n";
    }
  }
  return 0;
}
