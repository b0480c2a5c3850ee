// SPDX-License-Identifier: Apache-2.0
// Embedding claimgraph in a research pipeline: load the built-in rules, run
// the pipeline over a document, print each entity mention with its offsets
// and rule, then write the graph as node-link JSON.
//   embed_library [FILE]   (default: a short built-in Korean text)
#include <iostream>

#include "claimgraph/claimgraph.h"

int main(int argc, char** argv) {
  claimgraph::Result<claimgraph::RulePack> rules = claimgraph::RulePack::BuiltIn();
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return 1;
  }
  std::vector<claimgraph::Document> docs;
  if (argc > 1) {
    auto read = claimgraph::ReadDocuments(argv[1]);
    if (!read.ok()) {
      std::cerr << read.status().ToString();
      return 1;
    }
    docs = std::move(*read);
  } else {
    docs.push_back({"demo", "텐센트의 '훈위안-이미지-3.0'이 LM 아레나 1위에 올랐다.", "", "", "", "ko", ""});
  }
  claimgraph::Pipeline pipeline(*rules);
  claimgraph::Graph graph;
  for (const claimgraph::Document& doc : docs) {
    auto ex = pipeline.Extract(doc);
    if (!ex.ok()) {
      std::cerr << ex.status().ToString();
      return 1;
    }
    for (const claimgraph::EntityMention& m : ex->mentions) {
      std::cout << doc.id << "\t" << m.start << "\t" << m.end << "\t" << m.text << "\t" << m.label << "\t"
                << m.type << "\t" << m.rule << "\n";
    }
    graph.Merge(claimgraph::ExtractionToGraph(*ex));
  }
  std::cerr << graph.node_count() << " nodes, " << graph.edge_count() << " edges\n";
  std::cout << claimgraph::WriteJson(graph);
  return 0;
}
