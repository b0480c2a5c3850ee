// SPDX-License-Identifier: Apache-2.0
// The candidate mention shared by the matching stages (3a gazetteer,
// 3b patterns, 3c particles) and overlap resolution. Offsets are bytes of
// the normalized text; they are mapped to original code points only when
// the Extraction is built.
#ifndef CLAIMGRAPH_MATCH_TYPES_H_
#define CLAIMGRAPH_MATCH_TYPES_H_

#include <cstddef>
#include <map>
#include <string>

namespace claimgraph::internal {

struct PatternRule;

struct Candidate {
  size_t begin = 0;          // name span, normalized bytes
  size_t end = 0;
  std::string particle;      // Korean particle right after the name, or ""
  int sentence = 0;
  int entity = -1;           // gazetteer index, or -1 for a new entity
  std::string label;         // for new entities: canonical label
  std::string type;          // entity type
  int priority = 0;
  std::string rule_id;       // "gazetteer" or a pattern rule id
  std::map<std::string, std::string> attributes;
  std::string reason;        // why it was rejected (for rejected candidates)
};

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_MATCH_TYPES_H_
