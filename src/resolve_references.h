// SPDX-License-Identifier: Apache-2.0
// Stage 4, resolve references: a person named in full earlier in the
// document and referred to again by part of the name: a surname and a
// title ("박 대표는" after "박서준 누리그룹 대표"), a foreign surname alone
// ("머스크는" after "일론 머스크", "Zuckerberg said" after "Mark
// Zuckerberg"). A reference resolves only to the one earlier person who
// fits, never across documents; without one, a surname and a title fall
// back to the one gazetteer person of that surname and role ("차이 회장"),
// and are otherwise left unresolved (refused, with the reason).
// Input: one sentence's candidates after overlap resolution, and the
// persons of the document's earlier sentences. Output: more accepted
// mentions, each naming the person it refers to, with rule coref.surname
// or coref.surname-title.
#ifndef CLAIMGRAPH_RESOLVE_REFERENCES_H_
#define CLAIMGRAPH_RESOLVE_REFERENCES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "match_types.h"

namespace claimgraph::internal {

struct RulePackData;
struct Word;

// The persons a document has named in full so far.
class NamedPersons {
 public:
  // Adds the full-name persons among `accepted` (indices into
  // `candidates`) of one sentence of normalized `text`.
  void AddSentence(std::string_view text, const std::vector<Candidate>& candidates,
                   const std::vector<size_t>& accepted);

  struct Person {
    std::string label;
    int entity = -1;  // gazetteer index, or -1 (the label names it)
    std::vector<std::string> words;  // of the name as written, and of the label
  };
  const std::vector<Person>& persons() const { return persons_; }

 private:
  std::vector<Person> persons_;
};

// Adds to `candidates` and `accepted` the references to earlier persons
// in sentence [sentence_begin, sentence_end) of normalized `text` (words no
// accepted mention covers); those that cannot be resolved go to `rejected`
// with the reason (when not null). A single foreign name word that a name
// rule accepted and that is an earlier person's surname becomes a
// reference to that person.
void ResolveReferences(const RulePackData& rules, std::string_view text, size_t sentence_begin, size_t sentence_end,
                       int sentence, const NamedPersons& persons, std::vector<Candidate>* candidates,
                       std::vector<size_t>* accepted, std::vector<Candidate>* rejected,
                       const std::vector<Word>* words = nullptr);

// Resolves the references of a document's first sentence (its headline)
// again, against `persons`, every person the whole document names: a
// headline may name by surname a person its story names in full later.
// Refusals of the first pass that now resolve leave `rejected`.
void ResolveHeadline(const RulePackData& rules, std::string_view text, size_t sentence_begin, size_t sentence_end,
                     const NamedPersons& persons, std::vector<Candidate>* candidates, std::vector<size_t>* accepted,
                     std::vector<Candidate>* rejected, const std::vector<Word>* words = nullptr);

// Whether `rule_id` names a reference (its surface is no name of the
// person: "박" of "박 대표").
bool IsReferenceRule(std::string_view rule_id);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_RESOLVE_REFERENCES_H_
