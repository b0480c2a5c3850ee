// SPDX-License-Identifier: Apache-2.0
// The typed-placeholder view of a sentence.
#include "placeholders.h"

#include <algorithm>

namespace claimgraph::internal {

namespace {
constexpr std::string_view kOpen = "\u27E6";
constexpr std::string_view kClose = "\u27E7";
}  // namespace

PlaceholderSentence::PlaceholderSentence(std::string_view text, size_t begin, size_t end, int sentence,
                                         const std::vector<Candidate>& all,
                                         const std::vector<size_t>& accepted)
    : end_(end) {
  std::vector<size_t> order;
  for (size_t idx : accepted) {
    if (all[idx].sentence == sentence) order.push_back(idx);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return all[a].begin < all[b].begin; });
  size_t cursor = begin;
  auto add_raw = [&](size_t upto) {
    if (upto <= cursor) return;
    segments_.push_back({str_.size(), str_.size() + (upto - cursor), cursor, upto, -1});
    str_.append(text.substr(cursor, upto - cursor));
    cursor = upto;
  };
  for (size_t idx : order) {
    const Candidate& m = all[idx];
    if (m.begin < cursor) continue;  // overlapping mentions (role nodes) are not placeholders
    add_raw(m.begin);
    const size_t start = str_.size();
    str_.append(kOpen).append(m.type).append(kClose);
    segments_.push_back({start, str_.size(), m.begin, m.end, static_cast<long>(idx)});
    cursor = m.end;
  }
  add_raw(end);
}

size_t PlaceholderSentence::ToNormalized(size_t offset, bool is_end) const {
  for (const Segment& s : segments_) {
    if (offset >= s.ph_begin && offset < s.ph_end) {
      if (s.mention >= 0) return is_end ? s.norm_end : s.norm_begin;
      return s.norm_begin + (offset - s.ph_begin) + (is_end ? 1 : 0);
    }
  }
  return end_;
}

PlaceholderSentence::Span PlaceholderSentence::Resolve(std::string_view capture) const {
  Span span;
  const size_t gb = static_cast<size_t>(capture.data() - str_.data());
  const size_t ge = gb + capture.size();
  if (capture.empty()) {
    span.norm_begin = span.norm_end = ToNormalized(gb, false);
    return span;
  }
  span.norm_begin = ToNormalized(gb, false);
  span.norm_end = ToNormalized(ge - 1, true);
  for (const Segment& s : segments_) {
    if (s.mention >= 0 && s.ph_begin == gb && s.ph_end == ge) span.mention = s.mention;
    if (s.mention < 0 && gb >= s.ph_begin && ge <= s.ph_end) span.raw = true;
  }
  return span;
}

PlaceholderSentence::ResolvedMatch PlaceholderSentence::ResolveMatch(int rule, long created,
                                                                 const std::vector<re2::StringPiece>& subs) const {
  ResolvedMatch out;
  out.rule = rule;
  out.created = created;
  out.groups.resize(subs.size());
  for (size_t i = 0; i < subs.size(); ++i) {
    if (subs[i].data() != nullptr) out.groups[i] = Resolve(std::string_view(subs[i].data(), subs[i].size()));
  }
  out.whole_empty = subs.empty() || subs[0].empty();
  if (!subs.empty() && subs[0].data() != nullptr) out.whole = *out.groups[0];
  return out;
}

std::vector<size_t> PlaceholderSentence::MentionsIn(std::string_view capture) const {
  std::vector<size_t> out;
  const size_t gb = static_cast<size_t>(capture.data() - str_.data());
  const size_t ge = gb + capture.size();
  for (const Segment& s : segments_) {
    if (s.mention >= 0 && s.ph_begin >= gb && s.ph_end <= ge) out.push_back(static_cast<size_t>(s.mention));
  }
  return out;
}

}  // namespace claimgraph::internal
