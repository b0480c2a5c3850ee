// SPDX-License-Identifier: Apache-2.0
// The typed-placeholder view of a sentence: every accepted entity mention
// replaced by its type ("⟦Organization⟧의 '⟦Model⟧'"), with a map back to
// normalized offsets. Context entity rules, relation rules and attribution
// rules all read sentences this way, so a rule reads like the grammar it
// encodes.
#ifndef CLAIMGRAPH_PLACEHOLDERS_H_
#define CLAIMGRAPH_PLACEHOLDERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "match_types.h"

namespace claimgraph::internal {

class PlaceholderSentence {
 public:
  // Builds the view of the sentence [begin, end) of normalized `text`, with
  // the mentions `accepted` (indices into `all`) of sentence `sentence`.
  PlaceholderSentence(std::string_view text, size_t begin, size_t end, int sentence,
                      const std::vector<Candidate>& all, const std::vector<size_t>& accepted);

  const std::string& str() const { return str_; }

  // Adds `base` to every mention index: for a view built from one
  // sentence's candidates before they join the document's list at `base`.
  void Rebase(size_t base) {
    for (Segment& seg : segments_) {
      if (seg.mention >= 0) seg.mention += static_cast<long>(base);
    }
  }

  // What a capture (a view into str()) covers.
  struct Span {
    long mention = -1;        // the mention, if the capture is exactly one placeholder
    bool raw = false;         // the capture is plain text only
    size_t norm_begin = 0;    // normalized extent of the capture
    size_t norm_end = 0;
  };
  Span Resolve(std::string_view capture) const;
  // Indices of the mentions whose placeholders lie inside `capture`.
  std::vector<size_t> MentionsIn(std::string_view capture) const;

  // A match over the view with every capture resolved (Resolve), so that
  // it outlives the view: what the context entity rules hand on to the
  // relations stage, whose sentence may be read anew in between.
  struct ResolvedMatch {
    int rule = -1;          // index into RulePackData::context_rules
    long created = -1;      // the mention the match made or found for the rule's name group
    Span whole;             // the whole match
    bool whole_empty = true;
    // By capture index (0 = the whole match); nullopt for a group that did
    // not take part.
    std::vector<std::optional<Span>> groups;
  };
  ResolvedMatch ResolveMatch(int rule, long created, const std::vector<re2::StringPiece>& subs) const;

 private:
  struct Segment {
    size_t ph_begin, ph_end;
    size_t norm_begin, norm_end;
    long mention;  // -1 for plain text
  };
  size_t ToNormalized(size_t offset, bool is_end) const;

  std::string str_;
  std::vector<Segment> segments_;
  size_t end_;
};

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_PLACEHOLDERS_H_
