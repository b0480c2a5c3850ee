// SPDX-License-Identifier: Apache-2.0
// The few operations of the compiled pack's own types.
#include "rule_pack.h"

#include <algorithm>

#include "internal/utf8.h"
#include "words.h"

namespace claimgraph::internal {

bool ParticleSet::IsParticleChain(std::string_view run) const {
  // Depth-first over prefixes, longest first; chains are short (<= 3).
  struct Local {
    static bool Split(const ParticleSet& set, std::string_view rest, int depth) {
      if (rest.empty()) return true;
      if (depth == 3) return false;
      const size_t max = std::min(rest.size(), set.max_bytes);
      for (size_t n = max; n > 0; --n) {
        // Only split at code point boundaries.
        if (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) continue;
        if (set.particles.count(std::string(rest.substr(0, n))) &&
            Split(set, rest.substr(n), depth + 1)) {
          return true;
        }
      }
      return false;
    }
  };
  if (run.empty()) return true;
  if (run.size() > 3 * max_bytes) return false;
  if (!indexed_) return Local::Split(*this, run, 0);
  int length = 0;
  if (!first_chars_.Contains(DecodeAt(run, 0, &length))) return false;
  if (particles.count(std::string(run)) || pairs_.count(std::string(run))) return true;
  // A chain of three: one particle, then a chain of two.
  for (size_t n = std::min(run.size() - 1, max_bytes); n > 0; --n) {
    if ((static_cast<unsigned char>(run[n]) & 0xC0) == 0x80) continue;
    if (particles.count(std::string(run.substr(0, n))) && pairs_.count(std::string(run.substr(n)))) return true;
  }
  return false;
}

void ParticleSet::Index() {
  first_chars_.Clear();
  pairs_.clear();
  for (const std::string& p : particles) {
    int length = 0;
    first_chars_.Insert(DecodeAt(p, 0, &length));
    for (const std::string& q : particles) pairs_.insert(p + q);
  }
  indexed_ = true;
}

bool NameLexicon::IsNotName(std::string_view word) const {
  if (not_names.count(std::string(word))) return true;
  for (const std::string& ending : not_name_endings) {
    if (word.size() >= ending.size() && word.substr(word.size() - ending.size()) == ending) return true;
  }
  // A prefix of two syllables or more: every Hangul syllable is 3 bytes.
  for (size_t n = 6; n < word.size(); n += 3) {
    if (!not_names.count(std::string(word.substr(0, n)))) continue;
    // "이상훈", "이번영": a surname and two syllables may start with such
    // a word ("이상", "이번"); with a particle it is that word ("이상은").
    if (n + 3 == word.size() && word.size() == 9 && surnames.count(std::string(word.substr(0, 3)))) {
      const std::string_view last = word.substr(6);
      static constexpr std::string_view kParticles[] = {"은", "는", "이", "가", "을", "를", "의", "에", "도",
                                                        "만", "엔", "로", "와", "과", "서", "께", "란", "나"};
      if (std::find(std::begin(kParticles), std::end(kParticles), last) == std::end(kParticles)) continue;
    }
    return true;
  }
  return false;
}

void CueForms::Finish() {
  index_.clear();
  max_bytes_ = 0;
  first_chars_.Clear();
  for (size_t i = 0; i < forms_.size(); ++i) {
    index_.emplace(forms_[i].first, i);
    max_bytes_ = std::max(max_bytes_, forms_[i].first.size());
    int length = 0;
    if (!forms_[i].first.empty()) first_chars_.Insert(DecodeAt(forms_[i].first, 0, &length));
  }
}

bool NameLexicon::MayEndTitle(std::string_view s) const {
  if (s.empty()) return false;
  size_t last = s.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(s[last]) & 0xC0) == 0x80) --last;
  if (last == 0) return false;
  size_t before = last - 1;
  while (before > 0 && (static_cast<unsigned char>(s[before]) & 0xC0) == 0x80) --before;
  int length = 0;
  const char32_t a = DecodeAt(s, before, &length);
  const char32_t b = DecodeAt(s, last, &length);
  return MayEndTitleWith(a, b);
}

bool NameLexicon::MayEndTitleWith(char32_t before, char32_t last) const {
  const uint64_t tail = TitleTail(before, last);
  const uint64_t bit = TailBit(tail);
  if ((title_tail_bits[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return false;
  return title_tails.count(tail) > 0;
}

std::optional<TitleInWord> NameLexicon::TitleIn(std::string_view core, const ParticleSet& particles,
                                                            bool compound_needs_name) const {
  // (No chain of particles is longer than six syllables. The lookups come
  // first: a title is rare, a chain of particles costs more to check.)
  // The word's last code points, last first, decoded once: stem j ends
  // with cps[j] after cps[j + 1] (18 bytes are at most 18 code points).
  constexpr size_t kMaxCut = 18;
  char32_t cps[kMaxCut + 3];
  size_t starts[kMaxCut + 3];
  size_t count = 0;
  for (size_t end = core.size(); end > 0 && count < kMaxCut + 3;) {
    size_t b = end - 1;
    while (b > 0 && (static_cast<unsigned char>(core[b]) & 0xC0) == 0x80) --b;
    int length = 0;
    cps[count] = DecodeAt(core, b, &length);
    starts[count++] = b;
    end = b;
  }
  for (size_t j = 0; j < count; ++j) {
    const size_t i = j == 0 ? core.size() : starts[j - 1];
    if (i == 0 || core.size() - i > kMaxCut) break;
    if (j + 1 >= count || !MayEndTitleWith(cps[j + 1], cps[j])) continue;
    const std::string_view stem = core.substr(0, i);
    TitleInWord found;
    found.stem_bytes = i;
    found.entry = Title(std::string(stem));
    if (found.entry == nullptr) {
      const std::string lower = LowerAscii(stem);
      if (lower != stem) {
        found.entry = Title(lower);
        found.lowered = found.entry != nullptr;
      }
    }
    for (size_t n = 0; found.entry == nullptr && n < title_suffix_lengths.size(); ++n) {
      const size_t length = title_suffix_lengths[n];
      if (stem.size() <= length || !IsSuffixTitle(stem.substr(stem.size() - length))) continue;
      if (compound_needs_name && not_names.count(std::string(stem.substr(0, stem.size() - length)))) continue;
      found.entry = Title(std::string(stem.substr(stem.size() - length)));
      found.compound = found.entry != nullptr;
    }
    if (found.entry == nullptr) continue;
    const std::string_view rest = core.substr(i);
    if (rest.empty() || particles.IsParticleChain(rest)) return found;
  }
  return std::nullopt;
}

const std::optional<TitleInWord>& NameLexicon::TitleOf(const Word& w, const ParticleSet& particles,
                                                      bool compound_needs_name) const {
  if (!w.title_known) {
    w.title = TitleIn(w.core, particles, /*compound_needs_name=*/false);
    w.title_known = true;
  }
  // Refusing some compounds can only change a compound: any other title,
  // or none, is found the same way either way.
  if (!compound_needs_name || !w.title || !w.title->compound) return w.title;
  if (!w.named_title_known) {
    w.named_title = TitleIn(w.core, particles, /*compound_needs_name=*/true);
    w.named_title_known = true;
  }
  return w.named_title;
}

bool NameLexicon::StartsWithOneOf(const CharSet& first_chars, std::string_view word) {
  if (word.empty()) return false;
  int length = 0;
  char32_t c = DecodeAt(word, 0, &length);
  if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
  return first_chars.Contains(c);
}

void NameLexicon::IndexFirstChars() {
  auto first_chars = [](const auto& keys, CharSet* out) {
    out->Clear();
    for (const auto& key : keys) {
      const std::string& k = key.first;
      if (k.empty()) continue;
      int length = 0;
      char32_t c = DecodeAt(k, 0, &length);
      if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
      out->Insert(c);
    }
  };
  std::vector<std::pair<std::string, int>> descriptors;
  for (const std::string& d : org_descriptors) descriptors.emplace_back(d, 0);
  first_chars(descriptors, &descriptor_first_chars);
  first_chars(multiword_titles, &multiword_first_chars);
}

const CueEntry* CueForms::Prefix(std::string_view word, size_t* length) const {
  if (word.empty()) return nullptr;
  int first = 0;
  if (!first_chars_.Contains(DecodeAt(word, 0, &first))) return nullptr;
  // The word's prefixes, longest first, at code point boundaries.
  for (size_t n = std::min(word.size(), max_bytes_); n > 0; --n) {
    if (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) continue;
    const auto it = index_.find(std::string(word.substr(0, n)));
    if (it == index_.end()) continue;
    if (length != nullptr) *length = n;
    return &forms_[it->second].second;
  }
  return nullptr;
}

const CueEntry* FindCue(const std::vector<std::pair<std::string, CueEntry>>& cues, std::string_view cue) {
  const CueEntry* best = nullptr;
  size_t best_size = 0;
  for (const auto& [stem, entry] : cues) {
    if (stem.size() > best_size && cue.substr(0, stem.size()) == stem) {
      best = &entry;
      best_size = stem.size();
    }
  }
  return best;
}

}  // namespace claimgraph::internal
