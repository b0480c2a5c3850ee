// SPDX-License-Identifier: Apache-2.0
// Entity identity: the node id of an entity ("ent:" + the slug of its
// canonical label, or its gazetteer id), and which gazetteer attributes
// name other entities by id. One definition, read by the loader, the graph
// builder and the query layer.
#ifndef CLAIMGRAPH_ENTITY_IDS_H_
#define CLAIMGRAPH_ENTITY_IDS_H_

#include <string>
#include <string_view>

namespace claimgraph::internal {

struct RulePackData;
struct Candidate;

// Returns "ent:" + slug for an entity label: ASCII letters lower-cased,
// letters and digits of any script kept, every other run replaced by '-'.
// "Hunyuan-Image-3.0" -> "hunyuan-image-3-0"; "카일 찬" -> "카일-찬".
std::string Slug(std::string_view label);

// Returns the entity id of a matched candidate: "ent:" + its gazetteer id,
// or the slug of its label for an entity the gazetteer lacks.
std::string EntityIdOf(const RulePackData& rules, const Candidate& candidate);

// Whether gazetteer attribute `key` names another entity (developer,
// affiliation, parent, country): its value is an entity id.
bool IsReferenceAttribute(const std::string& key);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_ENTITY_IDS_H_
