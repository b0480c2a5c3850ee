// SPDX-License-Identifier: Apache-2.0
// The compiled rule pack: what the loader (read_rules.cc) makes of the
// files under rules/, and every stage reads. Immutable once loaded, and
// shared by all threads (RulePack owns it). Only types and data here: the
// engines that run the rules are screen.h and the stages' own files.
#ifndef CLAIMGRAPH_RULE_PACK_H_
#define CLAIMGRAPH_RULE_PACK_H_

#include <map>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "alias_trie.h"
#include "claimgraph/status.h"
#include "words.h"

namespace claimgraph::internal {

// One inline example of a rule: `text` must (or must not) yield a mention
// by the rule whose surface is `span`.
struct RuleExample {
  std::string text;
  std::string span;
  bool positive = true;
};

struct PatternRule {
  std::string id;
  std::string description;
  std::string type;             // entity type created; "" for relation-only rules
  int priority = 50;
  std::string group = "name";   // the capture group that is the entity name
  std::string title_group;      // capture group holding a title (교수, CEO)
  bool resolve_surname = false; // one-token name + title -> unique gazetteer person
  std::string qualify_group;    // placeholder group whose entity qualifies the name (딥시크의 V3)
  bool require_qualified = false;
  bool require_digit = false;
  int min_chars = 1;
  int max_chars = 64;
  std::vector<std::string> reject_tokens;     // name tokens that disqualify a match
  std::vector<std::string> reject_suffixes;   // token endings that disqualify (particles)
  std::vector<std::string> native_surnames;   // Korean surnames: 3-syllable token = full name
  bool require_native_name = false;           // the name must be such a full name
  std::map<std::string, std::string> attribute_groups;  // attribute -> placeholder group
  struct Relation {
    std::string source;  // group name
    std::string relation;
    std::string target;  // group name
    std::map<std::string, std::string> attribute_groups;  // edge attribute -> group
  };
  std::vector<Relation> relations;
  // Attributes attached to the entity of a placeholder group: quantities
  // and dates read from plain-text groups.
  struct NodeAttribute {
    std::string name;        // "parameters_min"
    std::string group;       // the group holding the value
    std::string unit_group;  // for numbers: a group holding 만/억/조/million/B ...
    bool number = false;     // convert to a plain integer
  };
  std::string node_target;   // placeholder group that receives node_attributes
  std::vector<NodeAttribute> node_attributes;
  bool context = false;  // the pattern contains typed placeholders
  std::unique_ptr<RE2> re;
  std::vector<RuleExample> examples;
  SourceLocation location;
};

// The particle inventory, normalized.
// A set of code points asked of nearly every word of a text ("may a
// particle, a cue, a title start with this character?"): a bit for each
// code point of the Basic Multilingual Plane, a sorted list above it.
class CharSet {
 public:
  void Insert(char32_t c) {
    if (c < kBmp) {
      if (bits_.empty()) bits_.assign(kBmp / 64, 0);
      bits_[c >> 6] |= uint64_t{1} << (c & 63);
      return;
    }
    const auto at = std::lower_bound(astral_.begin(), astral_.end(), c);
    if (at == astral_.end() || *at != c) astral_.insert(at, c);
  }
  bool Contains(char32_t c) const {
    if (c < kBmp) return !bits_.empty() && ((bits_[c >> 6] >> (c & 63)) & 1) != 0;
    return std::binary_search(astral_.begin(), astral_.end(), c);
  }
  void Clear() {
    bits_.clear();
    astral_.clear();
  }

 private:
  static constexpr char32_t kBmp = 0x10000;
  std::vector<uint64_t> bits_;   // empty until the first insert
  std::vector<char32_t> astral_;  // sorted
};

struct ParticleSet {
  std::unordered_set<std::string> particles;
  size_t max_bytes = 0;
  // Whether `run` (a run of Hangul) is a chain of at most 3 particles.
  bool IsParticleChain(std::string_view run) const;
  // Indexes the set once every particle is in (the loader does): the
  // chains of two and the first characters make IsParticleChain a few
  // lookups; without the index it searches.
  void Index();

 private:
  CharSet first_chars_;
  std::unordered_set<std::string> pairs_;    // every chain of two particles
  bool indexed_ = false;
};

struct GazetteerEntry {
  std::string id;         // slug of canonical, without "ent:"
  std::string canonical;
  std::string type;
  std::vector<std::string> aliases;  // as written, canonical first
  std::map<std::string, std::string> attributes;
  // The attributes as mentions carry them, by key: references (developer,
  // affiliation, parent, country) as node ids, "ent:" + id. Set when the
  // pack is loaded.
  std::vector<std::pair<std::string, std::string>> exported_attributes;
  SourceLocation location;
};

// One inline example of an attribution rule.
struct ClaimExample {
  std::string text;
  std::string speaker;  // expected speaker label ("" = any; "unattributed")
  std::string content;  // expected content as written
  bool positive = true;
};

// An attribution rule: reported speech -> a claim (speaker, cue, content).
struct AttributionRule {
  std::string id;
  std::string description;
  int priority = 50;
  std::unique_ptr<RE2> re;
  std::string cue_lemma;        // fixed lemma when the pattern has no cue group
  std::string modality;         // fixed modality, overriding the cue lexicon
  bool negated = false;
  bool unattributed = false;    // the text names no source ("…라는 평가도 있다")
  bool speaker_from_previous = false;  // "…라고 발언하며, …을 시사했다": same speaker
  bool medium = false;          // the speaker is a medium that reports
  std::vector<ClaimExample> examples;
  SourceLocation location;
};

// A reporting verb: lemma, modality it implies, and whether it denies.
struct CueEntry {
  std::string lemma;
  std::string modality = "asserted";
  bool negated = false;
  SourceLocation location;  // its line in claims/cues.tsv
  std::vector<std::string> tags;  // where the claims stage looks for it: ko-verb, en-verb …
  bool heard = false;             // ko-noun: without a subject, what is said around
  bool object = false;            // ko-noun: only as a verb's object (…다는 뜻을 밝혔다)
};

// The cue lexicon as the claims stage reads it (claims/cues.tsv by tag):
// each form with its entry. Korean forms are prefixes of a word, longest
// first; English forms are whole words.
// Forms of cues looked up by the longest one a word starts with.
class CueForms {
 public:
  void Add(std::string form, const CueEntry& entry) { forms_.emplace_back(std::move(form), entry); }
  // Indexes the forms (after the last Add): the first of equal forms wins.
  void Finish();
  // The entry of the longest form that `word` starts with, and the form's
  // length; null when none.
  const CueEntry* Prefix(std::string_view word, size_t* length = nullptr) const;

 private:
  std::vector<std::pair<std::string, CueEntry>> forms_;
  std::unordered_map<std::string, size_t> index_;  // form -> its place in forms_
  CharSet first_chars_;                              // of the forms: most words start otherwise
  size_t max_bytes_ = 0;
};

struct ClaimLexicon {
  CueForms ko_verbs;
  CueForms ko_nouns;
  CueForms ko_passives;
  std::unordered_map<std::string, CueEntry> en_verbs;
  std::unordered_map<std::string, CueEntry> en_participles;
  CueForms sources;  // X에 따르면, according to X
};

// A title of a person (ko/titles.tsv, en/titles.tsv).
struct TitleEntry {
  std::string role;         // "professor", "ceo"
  bool suffix = false;      // also ends longer titles (부문장 in 기술혁신부문장)
  bool weak = false;        // also a common word: marks a full name, not a foreign one
  bool org_before = false;  // English: a capitalized name before it is an organization
};

// The grammar's word lists for names the gazetteer lacks (match_names.h,
// resolve_references.h).
struct NameLexicon {
  std::unordered_set<std::string> surnames;     // ko/surnames.txt: 김, 남궁
  std::unordered_set<std::string> surnames_first;  // en/surnames.txt: Wang, Lee (written first)
  std::unordered_set<std::string> not_names;    // ko/not_names.txt and en/not_names.txt
  std::vector<std::string> not_name_endings;     // the "-X" lines of ko/not_names.txt
  std::unordered_set<std::string> title_words;   // every word of an English title, lower-cased
  // Words that say the next name is an organization: ko/org_descriptors.txt
  // and en/org_descriptors.txt ("시장조사업체", "research firm").
  std::unordered_set<std::string> org_descriptors;
  // Words for a part of an organization: ko/org_units.txt ("자회사",
  // "연구조직"): "X의 AI 자회사 Y" makes Y part of X.
  std::unordered_set<std::string> org_units;
  // Titles by their match key: Korean normalized, English lower-cased.
  std::unordered_map<std::string, TitleEntry> titles;
  std::vector<std::string> title_suffixes;      // the suffix titles, longest first
  // The byte lengths of the suffix titles, longest first, and whether a
  // string is one: a stem's suffixes looked up by length, not compared
  // with every suffix title.
  std::vector<size_t> title_suffix_lengths;
  bool IsSuffixTitle(std::string_view s) const { return suffix_titles.count(std::string(s)) > 0; }
  std::unordered_set<std::string> suffix_titles;
  size_t max_title_words = 1;                   // the most words a title has
  // The last two characters of every title (lower case): a stem that ends
  // otherwise is no title, and needs no lookup.
  std::unordered_set<uint64_t> title_tails;
  static uint64_t TitleTail(char32_t before, char32_t last) {
    if (before >= 'A' && before <= 'Z') before = before - 'A' + 'a';
    if (last >= 'A' && last <= 'Z') last = last - 'A' + 'a';
    return (static_cast<uint64_t>(before) << 32) | last;
  }
  // A bit for every title tail's hash, asked before the set: most stems end
  // in two characters no title ends with, and one bit answers them (the
  // names and relations stages ask for every prefix of every word).
  void AddTitleTail(uint64_t tail) {
    title_tails.insert(tail);
    const uint64_t bit = TailBit(tail);
    title_tail_bits[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  static uint64_t TailBit(uint64_t tail) { return (tail * 0x9E3779B97F4A7C15ULL) >> (64 - kTailBitsLog2); }
  static constexpr int kTailBitsLog2 = 16;
  std::vector<uint64_t> title_tail_bits = std::vector<uint64_t>((size_t{1} << kTailBitsLog2) / 64);
  // Whether the stem `s` (two characters or more) may end with a title.
  bool MayEndTitle(std::string_view s) const;
  // The same for a stem that ends with `last` after `before`.
  bool MayEndTitleWith(char32_t before, char32_t last) const;
  // The first characters (lower case) of the organization descriptors and
  // of the titles of several words, sorted: a word that starts otherwise
  // starts none of them, and needs no lookup.
  CharSet descriptor_first_chars, multiword_first_chars;
  static bool StartsWithOneOf(const CharSet& first_chars, std::string_view word);
  // Fills the first characters above (after the last word list is read).
  void IndexFirstChars();
  // The titles of several words by their first word: the title (its match
  // key) and its number of words, most words first, then longest.
  std::unordered_map<std::string, std::vector<std::pair<std::string, size_t>>> multiword_titles;
  size_t max_surname_bytes = 0;

  // The title `key` (see `titles`), or null.
  const TitleEntry* Title(const std::string& key) const {
    const auto it = titles.find(key);
    return it == titles.end() ? nullptr : &it->second;
  }
  // Whether `word` is, or starts with, a word that is never a name (of two
  // syllables or more for the prefix).
  bool IsNotName(std::string_view word) const;

  // The title a word's core is, before its particles ("대표는", "CEO는",
  // "기술혁신부문장이"): the longest stem that is a title by its key, by
  // its key lower-cased, or by ending with a suffix title (a compound).
  // `compound_needs_name` refuses a compound whose first part is a word
  // that is never a name (not_names).
  std::optional<TitleInWord> TitleIn(std::string_view core, const ParticleSet& particles,
                                     bool compound_needs_name) const;
  // The same for word `w`'s core, kept with the word: the stages that read
  // a sentence's words ask for the same titles (`particles` must be the
  // pack's, as for every stage: the kept answer is for them).
  const std::optional<TitleInWord>& TitleOf(const Word& w, const ParticleSet& particles,
                                            bool compound_needs_name) const;
};

// A relation type the pack declares (relations/types.tsv): rules may
// only produce declared relations.
struct RelationType {
  std::string name;        // snake_case: develops, competes_with
  bool symmetric = false;  // competes_with: no direction
  std::string description;
};

// The entry of the longest stem in `cues` that `cue` starts with ("전망했"
// -> 전망), or null.
const CueEntry* FindCue(const std::vector<std::pair<std::string, CueEntry>>& cues, std::string_view cue);

struct RulePackData {
  std::string origin;
  std::vector<GazetteerEntry> entities;
  std::unordered_map<std::string, int> alias_to_entity;  // normalized alias -> entity
  std::unordered_map<std::string, int> entity_by_id;     // gazetteer id ("alibaba") -> entity
  AliasTrie trie;
  // The same aliases lower-cased, for text in capitals ("SAN FRANCISCO, Nov
  // 5 -"): names of people, organizations and places of four letters or
  // more, in Latin letters, that are not written in capitals themselves.
  AliasTrie caps_trie;
  // Person entries by the last token of each alias ("조 차이" -> "차이").
  std::unordered_map<std::string, std::vector<int>> persons_by_last_token;
  // Person entries by affiliation and role, "alibaba\x1Fceo" -> Eddie Wu
  // (an organization's role that speaks: "알리바바 CEO는").
  std::unordered_map<std::string, std::vector<int>> persons_by_affiliation_role;
  std::vector<PatternRule> text_rules;
  std::vector<PatternRule> context_rules;
  ParticleSet particles;
  std::unordered_map<std::string, std::string> title_roles;  // "회장" -> "chairman"
  NameLexicon names;
  // Claims (rules/claims/).
  std::vector<AttributionRule> attribution_rules;  // by priority, then id
  std::vector<std::pair<std::string, CueEntry>> cues;  // cue stems, longest first
  std::vector<RelationType> relation_types;            // in declaration order
  ClaimLexicon claim_lexicon;
  std::unordered_map<std::string, std::string> speaker_groups;  // "전문가들" -> "experts"
  std::unordered_map<std::string, std::string> pronouns;  // "그" -> "Person"
  std::vector<std::string> hedges;  // content markers of a hedged claim ("수 있", "may")
  // Examples of the claims grammar (claims/examples.tsv): a sentence, the
  // rule of claim_cues.h that must read it, its speaker and content.
  struct GrammarExample {
    std::string rule;  // "ko.claim.quote"; with "!" first: that rule must not fire
    ClaimExample example;
    SourceLocation location;
  };
  std::vector<GrammarExample> claim_examples;
  // The one-pass screen of placeholder sentences: which context and
  // attribution rules can match a sentence at all (one RE2::Set over all
  // their patterns: index i is context rule i, index context_rules.size()
  // + j attribution rule j), so a sentence no rule can match costs one
  // scan, and a sentence is scanned once for both kinds of rule.
  std::unique_ptr<RE2::Set> sentence_screen;
  // The prefilter of the text rules (over plain sentences): FilteredRE2
  // lists the literals ("atoms", lower case) each rule needs; one pass of
  // `text_atoms` over a sentence finds those present, and only the rules
  // they allow run. Null when a rule's atoms could not be matched safely
  // by ASCII lower-casing (then every text rule runs).
  std::unique_ptr<re2::FilteredRE2> text_prefilter;
  AliasTrie text_atoms;
  size_t text_atom_count = 0;  // the values text_atoms holds are below it
  // The prefilter's answer for a sentence with none of the atoms (the rules
  // that need no literal), sorted: most sentences, asked once.
  std::vector<int> text_rules_without_atoms;
};

// The key of RulePackData::persons_by_affiliation_role.
inline std::string AffiliationRoleKey(std::string_view affiliation, std::string_view role) {
  std::string key(affiliation);
  key += '\x1F';
  key += role;
  return key;
}

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_RULE_PACK_H_
