// SPDX-License-Identifier: Apache-2.0
// Stage 4b, relations by grammar: titles, makers, places, scores,
// comparisons, investors and bases, read over the words of a sentence and
// the mentions among them.
#include "relation_grammar.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <unordered_set>
#include <tuple>
#include <set>

#include "rule_pack.h"
#include "words.h"

namespace claimgraph::internal {
namespace {

constexpr char kTitleKo[] = "ko.rel.title";
constexpr char kTitleEn[] = "en.rel.title";
constexpr char kMakerAdjacent[] = "rel.maker-model";
constexpr char kMakerGenitive[] = "ko.rel.maker-genitive";
constexpr char kReleasedKo[] = "ko.rel.released-clause";
constexpr char kReleasedEn[] = "en.rel.released-clause";
constexpr char kPlaceBefore[] = "ko.rel.place-before";
constexpr char kPlaceParen[] = "rel.place-paren";
constexpr char kPlaceInPlace[] = "rel.place-in-place";
constexpr char kPlaceBased[] = "en.rel.place-based";
constexpr char kHeldAt[] = "rel.held-at";
constexpr char kMakerOf[] = "rel.maker-of";
constexpr char kUses[] = "ko.rel.uses";
constexpr char kRivals[] = "rel.rivals";
constexpr char kSeries[] = "rel.series-of";
constexpr char kTakesPart[] = "rel.takes-part";
constexpr char kFoundedBy[] = "en.rel.founded-by-described";
constexpr char kRuns[] = "en.rel.who-runs";
constexpr char kLedBy[] = "ko.rel.led-by";
constexpr char kFormerly[] = "ko.rel.formerly-of";
constexpr char kUnitOf[] = "ko.rel.unit-of";
constexpr char kScores[] = "rel.scores-on";
constexpr char kBeats[] = "rel.beats";
constexpr char kInvestedBy[] = "rel.invested-by";
constexpr char kBuiltOn[] = "en.rel.built-on";

// Roles that head the organization they are of: the person leads it.
bool Heads(std::string_view role) {
  static constexpr std::string_view kRoles[] = {"ceo",     "chairman", "president", "founder",  "co-founder",
                                                "head",    "minister", "governor",  "mayor",    "leader",
                                                "chief executive"};
  return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
}

struct TitleFound {
  const TitleEntry* entry = nullptr;
  std::string text;       // as written, with a gloss ("담당(부사장)")
  bool compound = false;  // a unit's name before a suffix title: "HBM개발담당", "AI본부장"
};

class Reader {
 public:
  Reader(const RulePackData& rules, const std::vector<Word>& words, const std::vector<Candidate>& all,
         const std::vector<size_t>& accepted, const std::vector<size_t>& earlier,
         std::vector<CandidateRelation>* relations)
      : rules_(rules),
        words_(words),
        all_(all),
        accepted_(accepted),
        earlier_(earlier),
        relations_(relations),
        first_relation_(relations->size()),
        at_(words.size(), -1) {
    // (The sentence's relations so far, the pack's patterns' among them,
    // are the last of `relations`.)
    if (!accepted.empty()) {
      const int sentence = all_[accepted.front()].sentence;
      while (first_relation_ > 0 && all_[(*relations)[first_relation_ - 1].source].sentence == sentence) --first_relation_;
    }
    // (Each mention's words, found by binary search: words are in order.)
    for (size_t idx : accepted) {
      const Candidate& c = all_[idx];
      auto k = std::partition_point(words_.begin(), words_.end(), [&](const Word& w) { return w.end <= c.begin; });
      for (; k != words_.end() && k->begin < c.end; ++k) {
        long& at = at_[static_cast<size_t>(k - words_.begin())];
        if (at < 0) at = static_cast<long>(idx);
      }
    }
    // The sentence is English when most of its words are Latin.
    size_t latin = 0;
    for (size_t k = 0; k < words_.size(); ++k) latin += Latin(k) ? 1 : 0;
    english_ = latin * 2 > words_.size();
    // Each mention's particle, also after a closing quote ("'KMMLU'에서",
    // "'GPT-4o'를"), where the particle stage sees none.
    particle_.resize(words_.size());
    for (size_t k = 0; k < words_.size(); ++k) {
      const Candidate* c = MentionAt(k);
      if (c == nullptr || LastOf(k) != k) continue;
      if (!c->particle.empty()) {
        particle_[k] = c->particle;
        continue;
      }
      // (What follows the mention in its word: the rest of the core, where
      // an apostrophe joined it ("KMMLU'에서"), then the tail.)
      const Word& w = words_[k];
      std::string_view tail = c->end < w.end ? std::string_view(w.core).substr(c->end - w.begin) : w.tail;
      // (After a gloss in the word: "즈푸AI(智谱AI)가", "'미니맥스-M1(MiniMax-M1)'을",
      // "'GPT-4o'(72.5점)를".)
      while (!tail.empty() && (tail.front() == '\'' || tail.front() == '"')) tail.remove_prefix(1);
      if (!tail.empty() && tail.front() == '(' && tail.find(')') != std::string_view::npos) {
        tail.remove_prefix(tail.find(')') + 1);
      }
      while (!tail.empty() && (tail.front() == '\'' || tail.front() == '"' || tail.front() == ')')) tail.remove_prefix(1);
      if (!tail.empty() && AllHangul(tail) && rules_.particles.IsParticleChain(tail)) particle_[k] = tail;
    }
  }

  void Run() {
    for (size_t k = 0; k < words_.size(); ++k) {
      KoreanTitle(k);
      // Every shape below but PlacedOn starts at the last word of a mention
      // (and returns at once elsewhere): most words are none.
      if (MentionAt(k) == nullptr || LastOf(k) != k) {
        PlacedOn(k);
        continue;
      }
      LedBy(k);
      FormerlyOf(k);
      UnitOf(k);
      Scores(k);
      RankedIn(k);
      PlacedOn(k);
      Beats(k);
      InvestedBy(k);
      Backers(k);
      Rivals(k);
      BuiltOn(k);
      Uses(k);
      EnglishTitleBetween(k);
      EnglishTitleAfter(k);
      EnglishFounderAndRuns(k);
      Maker(k);
      MakerOf(k);
      AppositiveMaker(k);
      Place(k);
      PlaceInGloss(k);
      BasedIn(k);
      HeldAt(k);
      FoundedIn(k);
      Series(k);
      TakesPart(k);
    }
  }

 private:
  const Candidate* MentionAt(size_t k) const { return at_[k] < 0 ? nullptr : &all_[static_cast<size_t>(at_[k])]; }
  // The particle after the mention at word k (see the constructor).
  std::string_view Particle(size_t k) const { return particle_[LastOf(k)]; }
  bool IsSubjectAt(size_t k) const {
    const std::string_view p = Particle(k);
    return p == "은" || p == "는" || p == "이" || p == "가" || p == "도";
  }
  bool Is(size_t k, std::string_view type) const {
    const Candidate* c = MentionAt(k);
    return c != nullptr && c->type == type;
  }
  // The first and last word of the mention at word k.
  size_t FirstOf(size_t k) const {
    while (k > 0 && at_[k - 1] == at_[k]) --k;
    return k;
  }
  size_t LastOf(size_t k) const {
    while (k + 1 < words_.size() && at_[k + 1] == at_[k]) ++k;
    return k;
  }

  void Add(long source, long target, const char* relation, const char* rule, size_t begin, size_t end,
           const std::string& role = "") {
    if (source < 0 || target < 0 || source == target) return;
    // (Only this sentence's relations can share both mentions.)
    const bool seen = std::any_of(relations_->begin() + static_cast<std::ptrdiff_t>(first_relation_), relations_->end(),
                                  [&](const CandidateRelation& r) {
      return r.source == static_cast<size_t>(source) && r.target == static_cast<size_t>(target) && r.relation == relation;
    });
    if (seen) return;
    CandidateRelation r{static_cast<size_t>(source), static_cast<size_t>(target), relation, rule, begin, end, {}};
    if (!role.empty()) r.attributes["role"] = role;
    relations_->push_back(std::move(r));
  }

  // The title that word k is, with its particles or a gloss after it
  // (computed once a word).
  const std::optional<TitleFound>& TitleAt(size_t k) const {
    if (titles_.empty()) titles_.resize(words_.size());
    if (!titles_[k].has_value()) titles_[k] = FindTitle(k);
    return *titles_[k];
  }
  std::optional<TitleFound> FindTitle(size_t k) const {
    const Word& w = words_[k];
    const auto& found = rules_.names.TitleOf(w, rules_.particles, /*compound_needs_name=*/false);
    if (!found) return std::nullopt;
    TitleFound t;
    t.entry = found->entry;
    t.compound = found->compound;
    t.text = std::string(w.core.substr(0, found->stem_bytes));
    // A gloss after it: "담당(부사장)", "최고경영자(CEO)".
    if (!w.tail.empty() && w.tail.front() == '(') {
      const size_t close = w.tail.find(')');
      if (close != std::string_view::npos) t.text += std::string(w.tail.substr(0, close + 1));
    }
    return t;
  }

  // Korean: a person, an organization and a title beside each other.
  //   P O (words) T: 조주환 SK하이닉스 HBM개발담당, 백준호 퓨리오사AI 대표
  //   O(의) P T:      마이크로소프트 사티아 나델라 CEO, 블룸버그인텔리전스의 마빈 천 애널리스트
  //   O T P:          오픈AI 최고경영자(CEO) 샘 올트먼
  void KoreanTitle(size_t t) {
    if (MentionAt(t) != nullptr) return;
    // The second of two titles ("창업자 겸 CEO"): the first one's relation.
    if (t > 0 && words_[t - 1].core == "겸") return;
    const std::optional<TitleFound>& title = TitleAt(t);
    if (!title || title->entry->role.empty()) return;
    // The phrase before the title: mentions and at most two plain words
    // that modify the title (파운데이션 모델 담당), nothing with a case.
    long person = -1, org = -1;
    size_t begin = words_[t].begin;
    int modifiers = 0;
    for (size_t k = t; k-- > 0 && t - k <= 6;) {
      const Word& w = words_[k];
      const Candidate* c = MentionAt(k);
      const bool gloss = w.tail.size() >= 2 && w.tail.front() == '(' && w.tail.back() == ')';
      if (c == nullptr) {
        if (person >= 0 || org >= 0 || modifiers >= 2 || !(w.tail.empty() || gloss)) break;
        if (!AllHangulOrLatin(w.core) || TitleAt(k)) break;  // (a title before: its own relation)
        ++modifiers;
        begin = w.begin;
        continue;
      }
      // A mention may carry 의 only as an organization before the person.
      const bool genitive = Particle(k) == "의";
      if (!Particle(k).empty() && !(genitive && c->type == "Organization" && person >= 0)) break;
      if (!(w.tail.empty() || gloss || (genitive && w.tail.empty()))) break;
      if (c->type == "Person" && person < 0) {
        person = at_[k];
      } else if ((c->type == "Organization" || (c->type == "Product" && Heads(title->entry->role))) && org < 0) {
        // (A product has a head too: "닉 털리 챗GPT 총괄".)
        org = at_[k];
      } else {
        break;
      }
      k = FirstOf(k);
      begin = words_[k].begin;
      if (person >= 0 && org >= 0) break;
    }
    size_t end = words_[t].end;
    if (person >= 0 && org < 0) return;  // "박서준 대표": no organization named
    if (person < 0 && org >= 0 && t + 1 < words_.size() && Is(t + 1, "Person") && modifiers == 0 &&
        words_[t].tail.find_first_of(",.") == std::string_view::npos) {
      person = at_[t + 1];  // O T P
      end = words_[LastOf(t + 1)].end;
    }
    if (person < 0 || org < 0) return;
    const bool heads = !title->compound && modifiers == 0 && Heads(title->entry->role);
    // The role as titles.tsv names it ("회장" -> chairman); a compound
    // title, or one with words before it, as written ("HBM개발담당").
    const bool as_written = title->compound || modifiers > 0;
    Add(person, org, heads ? "leads" : "affiliated_with", kTitleKo, begin, end,
        as_written ? title->text : title->entry->role);
  }

  // "장다신(姜大昕) CEO가 이끄는 스텝펀", "옌쥔제가 창업한 미니맥스", "리카이푸가
  // 세운 링이완우": the person leads what they lead or founded. Word k ends
  // the person.
  void LedBy(size_t k) {
    if (!Is(k, "Person") || LastOf(k) != k) return;
    size_t v = k + 1;
    std::string role;
    const Candidate& person = *MentionAt(k);
    const bool subject = Particle(k) == "이" || Particle(k) == "가";
    if (!subject) {
      // A title between, carrying the subject particle: "장다신 CEO가".
      if (!Particle(k).empty() || v >= words_.size()) return;
      const std::optional<TitleFound>& title = TitleAt(v);
      const std::string_view core = words_[v].core;
      if (!title || !(EndsWith(core, "이") || EndsWith(core, "가"))) return;
      role = title->text;
      ++v;
    }
    if (v + 1 >= words_.size()) return;
    static constexpr std::string_view kVerbs[] = {"이끄는", "이끌고", "세운", "창업한", "설립한", "공동창업한"};
    if (std::find(std::begin(kVerbs), std::end(kVerbs), words_[v].core) == std::end(kVerbs)) return;
    if (role.empty()) role = words_[v].core == "이끄는" || words_[v].core == "이끌고" ? "head" : "founder";
    for (size_t j = v + 1; j < words_.size() && j <= v + 4; ++j) {
      if (MentionAt(j) != nullptr) {
        if (Is(j, "Organization") && FirstOf(j) == j) {
          Add(at_[k], at_[j], "leads", kLedBy, person.begin, MentionAt(j)->end, role);
        }
        return;
      }
      if (!words_[j].tail.empty() || EndsWithCase(words_[j].core)) return;
    }
  }

  // "센스타임 출신 옌쥔제", "마이크로소프트 부사장 출신 장다신": a person who came
  // from an organization was affiliated with it. Word k ends the
  // organization.
  void FormerlyOf(size_t k) {
    if (!Is(k, "Organization") || LastOf(k) != k || !Particle(k).empty()) return;
    size_t j = k + 1;
    std::string role;
    if (j < words_.size() && words_[j].tail.empty()) {
      if (const std::optional<TitleFound>& title = TitleAt(j)) {
        role = title->text;
        ++j;
      }
    }
    if (j + 1 >= words_.size() || !(words_[j].core == "출신" || words_[j].core == "출신인")) return;
    if (!Is(j + 1, "Person") || FirstOf(j + 1) != j + 1) return;
    Add(at_[j + 1], at_[k], "affiliated_with", kFormerly, MentionAt(k)->begin, MentionAt(j + 1)->end,
        role.empty() ? std::string("former") : "former " + role);
  }

  // "SK텔레콤 계열 사피온", "알리바바 산하 앤트그룹", "삼성전자 산하 연구조직인
  // 삼성리서치", "바이트댄스의 클라우드 자회사 화산엔진": the second is part of
  // the first. Word k ends the first organization.
  void UnitOf(size_t k) {
    if (!Is(k, "Organization") || LastOf(k) != k || !Gloss(words_[k].tail)) return;
    const std::string_view particle = Particle(k);
    if (!particle.empty() && particle != "의") return;
    const size_t first = k + 1;
    size_t j = first;
    for (; j < words_.size() && j <= first + 3 && MentionAt(j) == nullptr; ++j) {
      if (!Gloss(words_[j].tail) || !AllHangulOrLatin(words_[j].core)) return;
    }
    if (j == first || j >= words_.size() || !Is(j, "Organization") || FirstOf(j) != j) return;
    // 계열 and 산하 right after the first; else a unit's name right before
    // the second, 인 after it ("연구조직인").
    std::string_view unit = words_[j - 1].core;
    if (EndsWith(unit, "인") && unit.size() > 3) unit.remove_suffix(3);
    const bool under = particle.empty() && (words_[first].core == "계열" || words_[first].core == "산하");
    if (!under && !UnitWord(unit)) return;
    Add(at_[j], at_[k], "part_of", kUnitOf, MentionAt(k)->begin, MentionAt(j)->end);
  }

  // A word for a part of an organization (ko/org_units.txt).
  bool UnitWord(std::string_view w) const { return rules_.names.org_units.count(std::string(w)) > 0; }

  // Whether a word's tail is nothing or a gloss: "인공지능(AI)", "중국중앙TV(CCTV)".
  static bool Gloss(std::string_view tail) {
    return tail.empty() || (tail.size() > 2 && tail.front() == '(' && tail.back() == ')' &&
                            tail.find(')') == tail.size() - 1);
  }

  static bool IsScore(std::string_view w) {
    // "78.3점", "1위", "44.4%", "63.2점으로"
    size_t i = 0;
    while (i < w.size() && ((w[i] >= '0' && w[i] <= '9') || w[i] == '.' || w[i] == ',')) ++i;
    if (i == 0) return false;
    const std::string_view rest = w.substr(i);
    return rest.substr(0, 3) == "점" || rest.substr(0, 3) == "위" || rest.substr(0, 1) == "%";
  }

  // A model's score or rank on a benchmark: "A.X 4.0 표준형은 … 'KMMLU'에서
  // 78.3점을", "Grok 4 scored 25.4% on Humanity's Last Exam". Word k ends
  // the model.
  void Scores(size_t k) {
    if (!Is(k, "Model") || LastOf(k) != k) return;
    const Candidate& model = *MentionAt(k);
    if (english_) {
      // English: MODEL scored|reached|achieved|got N% on BENCH; without
      // "on BENCH", the benchmark named before in the sentence ("Grok 4
      // scored 25.4% on HLE, while Grok 4 Heavy reached 44.4%").
      if (!words_[k].tail.empty()) return;
      size_t v = k + 1;
      if (v + 1 >= words_.size()) return;
      const std::string_view verb = words_[v].core;
      if (!(verb == "scored" || verb == "reached" || verb == "achieved" || verb == "got" || verb == "scores")) return;
      if (!ScoreWord(v + 1) && !(v + 2 < words_.size() && ScoreWord(v + 2))) return;
      for (size_t j = v + 1; j + 1 < words_.size() && j <= v + 4; ++j) {
        if (words_[j].core == "on" && Is(j + 1, "Benchmark") && FirstOf(j + 1) == j + 1) {
          Add(at_[k], at_[j + 1], "ranks_on", kScores, model.begin, MentionAt(j + 1)->end);
          return;
        }
      }
      for (size_t j = FirstOf(k); j-- > 0;) {
        if (Is(j, "Benchmark")) {
          Add(at_[k], at_[j], "ranks_on", kScores, MentionAt(j)->begin, words_[v + 1].end);
          return;
        }
      }
      return;
    }
    if (!(IsSubjectAt(k) || Particle(k).empty())) return;
    // Korean: each benchmark in 에서(도) with a score within three words,
    // until another model speaks.
    for (size_t j = k + 1; j < words_.size() && j <= k + 14; ++j) {
      const Candidate* c = MentionAt(j);
      if (c == nullptr) continue;
      if (c->type == "Model" && IsSubjectAt(j)) return;  // another model speaks
      if (c->type != "Benchmark" || LastOf(j) != j || !InBenchmark(j)) continue;
      for (size_t n = j + 1; n < words_.size() && n <= j + 3; ++n) {
        if (IsScore(words_[n].core)) {
          Add(at_[k], at_[j], "ranks_on", kScores, model.begin, words_[n].end);
          break;
        }
      }
    }
  }

  bool InBenchmark(size_t j) const {
    const std::string_view p = Particle(j);
    return p == "에서" || p == "에서도" || p == "에서는";
  }

  // Korean, the benchmark first: "'비디오 아레나'에서 A는 B에 이어 2위에 올라 C를
  // 앞질렀다", "'헬스벤치'에서 60.1점을 받아 'B'(57.6점)를 앞섰다", "'RULER'의
  // 긴 문맥 평가에서는": the models of the clause that holds a score, a rank
  // or a comparison are ranked there, the beaten ones too (the result is
  // theirs as well). Word j ends the benchmark.
  void RankedIn(size_t j) {
    if (english_ || !Is(j, "Benchmark") || LastOf(j) != j) return;
    size_t end = j + 1;
    if (!InBenchmark(j)) {
      // BENCH의 (words) 평가에서
      if (Particle(j) != "의") return;
      while (end < words_.size() && end <= j + 3 && MentionAt(end) == nullptr && !EndsWith(words_[end].core, "에서") &&
             !EndsWith(words_[end].core, "에서는") && !EndsWith(words_[end].core, "에서도")) {
        ++end;
      }
      if (end >= words_.size() || end > j + 3 || MentionAt(end) != nullptr) return;
      ++end;
    }
    bool scored = false;
    for (; end < words_.size(); ++end) {
      if (Is(end, "Benchmark") && InBenchmark(LastOf(end))) break;
      scored = scored || ScoreWord(end) || ScoreInGloss(end) || BeatVerb(words_[end].core);
      // (The clause ends at a comma: "… 앞섰고, '클릭'에서도 …".)
      if (words_[end].tail.find(',') != std::string_view::npos) {
        ++end;
        break;
      }
    }
    if (!scored) return;
    for (size_t m = j + 1; m < end; ++m) {
      if (!Is(m, "Model") || LastOf(m) != m) continue;
      Add(at_[m], at_[j], "ranks_on", kScores, MentionAt(j)->begin, MentionAt(m)->end);
    }
  }

  static bool BeatVerb(std::string_view verb) {
    if (verb == "앞서") return false;  // (the adverb "earlier": "앞서 공개된")
    for (const std::string_view w : {"앞섰", "앞서", "앞질렀", "제쳤", "제치", "넘어섰", "따돌렸", "눌렀", "이겼", "뒤졌"}) {
      if (StartsWith(verb, w)) return true;
    }
    return false;
  }

  // English: "… had placed second on the LMArena leaderboard", "ranked
  // first in BENCH": the nearest model before the verb. Word k is the verb.
  void PlacedOn(size_t k) {
    if (!english_ || MentionAt(k) != nullptr) return;
    const std::string_view verb = words_[k].core;
    if (!(verb == "placed" || verb == "ranked" || verb == "finished" || verb == "came")) return;
    size_t j = k + 1;
    if (j < words_.size() && MentionAt(j) == nullptr &&
        (words_[j].core == "first" || words_[j].core == "second" || words_[j].core == "third" ||
         words_[j].core == "top" || words_[j].core == "fourth" || words_[j].core == "fifth")) {
      ++j;
    }
    if (j == k + 1 || j + 1 >= words_.size() || !(words_[j].core == "on" || words_[j].core == "in")) return;
    ++j;
    if (j < words_.size() && words_[j].core == "the") ++j;
    if (j >= words_.size() || !Is(j, "Benchmark") || FirstOf(j) != j) return;
    for (size_t m = k; m-- > 0 && k - m <= 10;) {
      if (Is(m, "Model")) {
        Add(at_[m], at_[j], "ranks_on", kScores, MentionAt(m)->begin, MentionAt(j)->end);
        return;
      }
      if (MentionAt(m) != nullptr) return;
    }
  }

  // A score or a rank: "78.3점을", "2위에", "44.4%" (the sign is the word's tail).
  bool ScoreWord(size_t n) const {
    const Word& w = words_[n];
    if (IsScore(w.core)) return true;
    return !w.core.empty() && w.core[0] >= '0' && w.core[0] <= '9' && StartsWith(w.tail, "%") &&
           std::all_of(w.core.begin(), w.core.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  }

  // A score in parentheses after a name: "'GPT-4o'(72.5점)를".
  bool ScoreInGloss(size_t k) const {
    std::string_view t = words_[k].tail;
    while (!t.empty() && (t.front() == '\'' || t.front() == '"')) t.remove_prefix(1);
    return t.size() > 1 && t.front() == '(' && IsScore(t.substr(1));
  }

  // A beats B: "A.X 4.0은 … 'GPT-4o'를 앞섰고", "GLM-4.5 beats DeepSeek-R1":
  // the two compete. Word k ends A.
  void Beats(size_t k) {
    const Candidate* a = MentionAt(k);
    if (a == nullptr || LastOf(k) != k || !(a->type == "Model" || a->type == "Organization" || a->type == "Product")) {
      return;
    }
    if (english_) {
      const size_t v = k + 1;
      if (v + 1 >= words_.size() || !words_[k].tail.empty()) return;
      const std::string_view verb = words_[v].core;
      if (!(verb == "beats" || verb == "beat" || verb == "outperformed" || verb == "outperforms" ||
            verb == "surpassed" || verb == "overtook" || verb == "topped")) {
        return;
      }
      if (MentionAt(v + 1) != nullptr && MentionAt(v + 1)->type == a->type && FirstOf(v + 1) == v + 1) {
        Add(at_[k], at_[v + 1], "competes_with", kBeats, a->begin, MentionAt(v + 1)->end);
      }
      return;
    }
    if (!IsSubjectAt(k) && !SubjectWordAfter(k)) return;
    for (size_t j = k + 1; j + 1 < words_.size() && j <= k + 12; ++j) {
      const Candidate* b = MentionAt(j);
      if (b == nullptr) continue;
      if (IsSubjectAt(j)) return;
      if (b->type != a->type || LastOf(j) != j) continue;
      size_t v = j + 1;
      if (Particle(j).empty() && words_[v].core == "등") {
        // "B 등 다른 오픈소스 모델을 앞섰다": B heads a list the verb takes.
        while (v + 1 < words_.size() && v <= j + 4 && !EndsWith(words_[v].core, "을") && !EndsWith(words_[v].core, "를")) {
          ++v;
        }
        if (!EndsWith(words_[v].core, "을") && !EndsWith(words_[v].core, "를")) return;
        ++v;
      } else if (Particle(j) == "보다") {
        // "B보다 높았다", "B(80.2점)보다 앞선": better than B.
        if (v < words_.size() && Comparative(words_[v].core)) {
          Add(at_[k], at_[j], "competes_with", kBeats, a->begin, words_[v].end);
        }
        return;
      } else if (!(Particle(j) == "을" || Particle(j) == "를")) {
        continue;
      }
      if (v >= words_.size()) return;
      const std::string_view verb = words_[v].core;
      for (const std::string_view w : {"앞섰", "앞서", "앞질렀", "제쳤", "제치", "넘어섰", "따돌렸", "눌렀", "이겼"}) {
        if (verb.substr(0, w.size()) == w) {
          Add(at_[k], at_[j], "competes_with", kBeats, a->begin, words_[v].end);
          return;
        }
      }
      return;
    }
  }

  // Whether the word after the mention ending at word k carries its
  // subject particle: "A.X 4.0 표준형은", "GLM-4.5 모델이".
  bool SubjectWordAfter(size_t k) const {
    if (!Particle(k).empty() || !words_[k].tail.empty() || k + 1 >= words_.size() || MentionAt(k + 1) != nullptr) {
      return false;
    }
    const std::string_view w = words_[k + 1].core;
    if (!AllHangul(w) || w.size() > 15) return false;
    return EndsWith(w, "은") || EndsWith(w, "는") || EndsWith(w, "이") || EndsWith(w, "가");
  }

  // The mention ending at word k and those joined to it before it by
  // 와/과 or a comma, of its type ("A와 B", "A, B와 C"), k's own first.
  std::vector<long> JoinedBefore(size_t k) const {
    std::vector<long> list{at_[k]};
    const std::string& type = MentionAt(k)->type;
    for (size_t j = FirstOf(k); j-- > 0;) {
      const Candidate* m = MentionAt(j);
      if (m == nullptr || LastOf(j) != j || m->type != type ||
          !(Particle(j) == "와" || Particle(j) == "과" || words_[j].tail == ",")) {
        break;
      }
      list.push_back(at_[j]);
      j = FirstOf(j);
    }
    return list;
  }

  // The word ending the nearest mention before word `before` that is its
  // clause's subject (it or the word after it carries 은/는/이/가/도), or
  // words_.size() when there is none.
  size_t SubjectBefore(size_t before) const {
    for (size_t j = before; j-- > 0;) {
      if (MentionAt(j) == nullptr || LastOf(j) != j) continue;
      if (IsSubjectAt(j) || SubjectWordAfter(j)) return j;
    }
    return words_.size();
  }

  static bool Comparative(std::string_view w) {
    for (const std::string_view c : {"높", "앞", "뛰어", "우수", "좋", "빠르", "빨랐", "낫", "나았", "강했", "강한"}) {
      if (StartsWith(w, c)) return true;
    }
    return false;
  }

  // Rivals. English: "Nvidia, AMD's far larger rival", "X competes
  // (directly) with Y". Korean: "A가 B와 정면으로 맞붙었다", "A가 … B·C와
  // 어깨를 나란히", "A가 B와 비슷한 성능", "A가 B에 근소하게 뒤졌다". Word k
  // ends B (English: the rival's or the competed one's mention).
  void Rivals(size_t k) {
    const Candidate* b = MentionAt(k);
    if (b == nullptr || LastOf(k) != k || !(b->type == "Organization" || b->type == "Model" || b->type == "Product")) {
      return;
    }
    if (english_) {
      // X, ORG's (words) rival
      const size_t first = FirstOf(k);
      if (Possessive(k) && first >= 1 && words_[first - 1].tail == ",") {
        for (size_t j = k + 1; j < words_.size() && j <= k + 4; ++j) {
          const std::string_view w = words_[j].core;
          if (MentionAt(j) != nullptr || w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) break;
          if (w == "rival" || w == "competitor") {
            const size_t x = first - 1;  // (the word before the comma ends X)
            if (MentionAt(x) != nullptr && MentionAt(x)->type == b->type) {
              Add(at_[x], at_[k], "competes_with", kRivals, MentionAt(x)->begin, words_[j].end);
            }
            break;
          }
          if (!words_[j].tail.empty()) break;
        }
      }
      // X (whose …) competes (directly) with Y
      if (first >= 2 && words_[first - 1].core == "with" &&
          (words_[first - 2].core == "competes" || words_[first - 2].core == "compete" ||
           (first >= 3 && words_[first - 2].core == "directly" &&
            (words_[first - 3].core == "competes" || words_[first - 3].core == "compete")))) {
        for (size_t x = first - 2; x-- > 0 && first - x <= 12;) {
          const Candidate* a = MentionAt(x);
          if (a == nullptr) continue;
          if (a->type == b->type || (a->type != "Person" && b->type != "Person")) {
            Add(at_[x], at_[k], "competes_with", kRivals, a->begin, b->end);
          }
          return;
        }
      }
      return;
    }
    // (Mentions joined by · in one word, "알리바바·바이두와": the particle is
    // the last one's.)
    std::string_view particle = Particle(k);
    const size_t word_end = words_[k].end + words_[k].tail.size();
    const bool joined = words_[k].tail.find("·") != std::string_view::npos;
    for (size_t idx : accepted_) {
      const Candidate& c = all_[idx];
      if (!joined || !particle.empty()) break;
      if (c.begin >= words_[k].end && c.end <= word_end && c.type == b->type) particle = c.particle;
    }
    if (particle != "와" && particle != "과" && particle != "에" && particle != "에게") return;
    if (k + 1 >= words_.size()) return;
    const std::string_view next = words_[k + 1].core, after = k + 2 < words_.size() ? words_[k + 2].core : "";
    const bool with = particle == "와" || particle == "과";
    const bool rival = with && (StartsWith(next, "맞붙") || StartsWith(after, "맞붙") || StartsWith(next, "경쟁") ||
                                StartsWith(next, "겨루") || StartsWith(next, "대결") ||
                                (StartsWith(next, "어깨를") && StartsWith(after, "나란히")) ||
                                (StartsWith(next, "비슷한") && StartsWith(after, "성능")) || StartsWith(next, "맞먹"));
    const bool behind = !with && (StartsWith(next, "뒤졌") || StartsWith(next, "뒤처") || StartsWith(after, "뒤졌") ||
                                  StartsWith(after, "뒤처") || StartsWith(next, "밀렸") || StartsWith(after, "밀렸"));
    if (!rival && !behind) return;
    // B's list: "알리바바·딥시크와" is one word; "텐센트와 알리바바와" two.
    std::vector<long> rivals = JoinedBefore(k);
    // (Mentions joined by · inside the word: each is B.)
    for (size_t idx : accepted_) {
      if (!joined) break;
      const Candidate& c = all_[idx];
      if (c.type == b->type && c.begin >= words_[FirstOf(k)].begin && c.end <= word_end &&
          static_cast<long>(idx) != at_[k]) {
        rivals.push_back(static_cast<long>(idx));
      }
    }
    // A: the clause's subject, before B.
    const size_t j = SubjectBefore(FirstOf(k));
    if (j == words_.size()) return;
    const Candidate* a = MentionAt(j);
    if (a->type == b->type || (b->type != "Organization" && a->type != "Organization")) {
      for (long r : rivals) Add(at_[j], r, "competes_with", kRivals, a->begin, words_[k + 1].end);
    }
  }

  // Backers. English: "X counts A and B among its backers", "X invested …
  // in Y", "in which X invested", "X's stake in Y", "X will own 27% of Y".
  // Korean: "A와 B 등이 (초석) 투자자로 참여했다" (the clause's topic is
  // invested in). Word k ends an organization.
  void Backers(size_t k) {
    const Candidate* c = MentionAt(k);
    if (c == nullptr || c->type != "Organization" || LastOf(k) != k) return;
    if (!english_) {
      // A와 B 등이 투자자로 참여: k ends the list (이/가 after 등 or on k).
      size_t v = k + 1;
      if (v < words_.size() && (words_[v].core == "등이" || words_[v].core == "등도")) ++v;
      else if (!IsSubjectAt(k)) return;
      if (v + 1 >= words_.size()) return;
      if (words_[v].core == "초석" || words_[v].core == "주요" || words_[v].core == "전략적") ++v;
      if (v + 1 >= words_.size() || !(words_[v].core == "투자자로" || words_[v].core == "주주로") ||
          !StartsWith(words_[v + 1].core, "참여")) {
        return;
      }
      const std::vector<long> investors = JoinedBefore(k);
      // The company: the sentence's topic before the list.
      for (size_t j = FirstOf(k); j-- > 0;) {
        const Candidate* m = MentionAt(j);
        if (m == nullptr || LastOf(j) != j || m->type != "Organization") continue;
        if (Particle(j) == "은" || Particle(j) == "는") {
          for (long investor : investors) Add(investor, at_[j], "invests_in", kInvestedBy, m->begin, words_[v + 1].end);
          return;
        }
      }
      return;
    }
    const size_t first = FirstOf(k);
    // X counts A (and B) among its backers
    if (first >= 1 && words_[first - 1].core == "counts") {
      std::vector<long> investors;
      size_t j = first;
      while (j < words_.size() && j <= first + 8) {
        if (Is(j, "Organization")) {
          investors.push_back(at_[j]);
          j = LastOf(j) + 1;
        } else if (words_[j].core == "and") {
          ++j;
        } else {
          break;
        }
      }
      if (j + 2 >= words_.size() || words_[j].core != "among" || words_[j + 1].core != "its" ||
          !(StartsWith(words_[j + 2].core, "backer") || StartsWith(words_[j + 2].core, "investor") ||
            StartsWith(words_[j + 2].core, "shareholder"))) {
        return;
      }
      // (The subject of "counts": the organization the sentence opened
      // with, past a clause such as "whose engine competes with Google".)
      for (size_t x = 0; x + 1 < first; ++x) {
        if (Is(x, "Organization")) {
          for (long investor : investors) Add(investor, at_[x], "invests_in", kInvestedBy, MentionAt(x)->begin, words_[j + 2].end);
          return;
        }
      }
      return;
    }
    if (k + 1 >= words_.size()) return;
    // X invested (amount) in Y; in which X invested
    if (words_[k + 1].core == "invested" || words_[k + 1].core == "invests") {
      for (size_t j = k + 2; j + 1 < words_.size() && j <= k + 8; ++j) {
        if (words_[j].core == "in" && Is(j + 1, "Organization") && FirstOf(j + 1) == j + 1) {
          Add(at_[k], at_[j + 1], "invests_in", kInvestedBy, c->begin, MentionAt(j + 1)->end);
          return;
        }
        if (MentionAt(j) != nullptr) break;
      }
      if (first >= 2 && words_[first - 1].core == "which" && words_[first - 2].core == "in") {
        for (size_t x = 0; x + 2 < first; ++x) {
          if (Is(x, "Organization")) {
            Add(at_[k], at_[x], "invests_in", kInvestedBy, MentionAt(x)->begin, words_[k + 1].end);
            return;
          }
        }
      }
      return;
    }
    // X's (N%)? stake in Y
    if (Possessive(k)) {
      size_t j = k + 1;
      if (j < words_.size() && !words_[j].core.empty() && words_[j].core[0] >= '0' && words_[j].core[0] <= '9') ++j;
      if (j + 2 < words_.size() && (words_[j].core == "stake" || words_[j].core == "shares") &&
          words_[j + 1].core == "in" && Is(j + 2, "Organization") && FirstOf(j + 2) == j + 2) {
        Add(at_[k], at_[j + 2], "invests_in", kInvestedBy, c->begin, MentionAt(j + 2)->end);
      }
      return;
    }
    // X will own (roughly) N% of Y
    size_t j = k + 1;
    if (j < words_.size() && (words_[j].core == "will" || words_[j].core == "would")) ++j;
    if (j >= words_.size() || !(words_[j].core == "own" || words_[j].core == "owns" || words_[j].core == "hold" ||
                                words_[j].core == "holds")) {
      return;
    }
    ++j;
    if (j < words_.size() && (words_[j].core == "roughly" || words_[j].core == "about" || words_[j].core == "nearly")) ++j;
    if (j + 2 < words_.size() && ScoreWord(j) && words_[j + 1].core == "of" && Is(j + 2, "Organization") &&
        FirstOf(j + 2) == j + 2) {
      Add(at_[k], at_[j + 2], "invests_in", kInvestedBy, c->begin, MentionAt(j + 2)->end);
    }
  }

  // Investors: "즈푸AI는 알리바바와 텐센트, 앤트그룹 등에서 투자를 받았다",
  // "the round, led by ICONIQ and co-led by Fidelity …". Word k ends the
  // company invested in (Korean) or the first investor (English).
  void InvestedBy(size_t k) {
    const Candidate* company = MentionAt(k);
    if (company == nullptr || company->type != "Organization" || LastOf(k) != k) return;
    if (!english_ && IsSubjectAt(k)) {
      // The investors: organizations joined by 와/과/, and ending in
      // 등에서, 에서, 로부터, 으로부터; then 투자를 받.
      std::vector<long> investors;
      for (size_t j = k + 1; j + 1 < words_.size() && j <= k + 10; ++j) {
        const Candidate* c = MentionAt(j);
        if (c == nullptr) {
          const std::string_view w = words_[j].core;
          if (w == "등에서" || w == "등으로부터" || w == "등") continue;
          if (w.substr(0, 6) == "투자" && !investors.empty() &&
              j + 1 < words_.size() && words_[j + 1].core.substr(0, 3) == "받") {
            for (long investor : investors) Add(investor, at_[k], "invests_in", kInvestedBy, company->begin, words_[j + 1].end);
          }
          if (!investors.empty()) return;
          continue;
        }
        if (c->type != "Organization") return;
        if (LastOf(j) != j) continue;
        investors.push_back(at_[j]);
        j = LastOf(j);
      }
      return;
    }
    if (english_ && k >= 2 && words_[k - 1].core == "by" &&
        (words_[k - 2].core == "led" || words_[k - 2].core == "co-led")) {
      // The company: the organization the sentence opened with.
      long target = -1;
      for (size_t j = 0; j + 2 < k; ++j) {
        if (Is(j, "Organization")) {
          target = at_[j];
          break;
        }
      }
      const bool round = WordBefore(k, "round") || WordBefore(k, "funding") || WordBefore(k, "investment");
      if (target < 0 || !round) return;
      for (size_t j = k; j < words_.size() && j <= k + 12; ++j) {
        if (!Is(j, "Organization")) {
          const std::string_view w = words_[j].core;
          if (w == "and" || w == "co-led" || w == "by" || w == "led") continue;
          return;
        }
        Add(at_[j], target, "invests_in", kInvestedBy, words_[k - 2].begin, MentionAt(j)->end);
        j = LastOf(j);
      }
    }
  }
  // Whether a word before word k is `word`.
  bool WordBefore(size_t k, std::string_view word) const {
    for (size_t j = 0; j < k; ++j) {
      if (words_[j].core == word) return true;
    }
    return false;
  }

  // Built on: "'큐원2.5(Qwen2.5)'에 … 추가 학습한 모델", "SOTA K built on
  // GPT-4o", "runs on Nvidia's chips", "엔비디아 H800 칩 512개로 …
  // 학습". Word k ends what is built on.
  void BuiltOn(size_t k) {
    const Candidate* base = MentionAt(k);
    if (base == nullptr || LastOf(k) != k) return;
    if (!(base->type == "Model" || base->type == "Product")) return;
    // English: X built on / runs on / powered by (the) BASE: X is the
    // nearest model or product before.
    size_t f = FirstOf(k);
    if (english_ && f >= 1 && (words_[f - 1].core == "the" || words_[f - 1].core == "a")) --f;
    if (english_ && f >= 2) {
      const std::string_view a = words_[f - 2].core, b = words_[f - 1].core;
      const bool on = (b == "on" && (a == "built" || a == "runs" || a == "run" || a == "based" || a == "trained")) ||
                      (b == "by" && a == "powered");
      if (!on) return;
      for (size_t j = f - 2; j-- > 0 && k - j <= 10;) {
        const Candidate* x = MentionAt(j);
        if (x == nullptr) continue;
        if (x->type == "Model" || x->type == "Product" || x->type == "Organization") {
          Add(at_[j], at_[k], "relies_on", kBuiltOn, x->begin, base->end);
        }
        return;
      }
      return;
    }
  }

  // Korean: what a model, a product or a company uses. Word k ends what
  // is used (a model, a product, a chip).
  //   X를 기반으로 만든 'Y', X 384개를 엮은 'Y': Y, the name the verb modifies;
  //   Y는 … X를 활용한다 / 얹었다 / 연결한다: Y, the clause's subject;
  //   Y에 X를 탑재할: Y, the host in 에;
  //   Y는 X 칩 512개로 (학습했다): Y, the subject, by the count.
  void Uses(size_t k) {
    const Candidate* used = MentionAt(k);
    if (english_ || used == nullptr || LastOf(k) != k) return;
    if (used->type == "Organization") return Foundry(k);
    if (!(used->type == "Model" || used->type == "Product")) return;
    size_t v = k + 1;
    std::string_view particle = Particle(k);
    // (What is counted: "어센드 칩 8192개를", "H800 칩 512개로", "12단 HBM4를 8개씩".)
    if (particle.empty() && v < words_.size() && MentionAt(v) == nullptr &&
        (words_[v].core == "칩" || words_[v].core == "GPU")) {
      ++v;
    }
    bool counted = false;
    if ((particle.empty() || particle == "을" || particle == "를") && v < words_.size() && MentionAt(v) == nullptr &&
        CountWord(words_[v].core, &particle)) {
      counted = true;
      ++v;
    }
    if (v >= words_.size()) return;
    const std::string_view verb = words_[v].core;
    const bool object = particle == "을" || particle == "를";
    const bool means = counted && (particle == "로" || particle == "으로");
    const bool base = object && (verb == "기반으로" || verb == "바탕으로");
    if (!(means || base || (object && UseVerb(verb)))) return;
    // The name the verb modifies.
    size_t modifies = v;
    if (base && v + 1 < words_.size() && !words_[v + 1].core.empty()) ++modifies;
    const std::string_view adnominal = words_[modifies].core;
    if (!means && (EndsWith(adnominal, "한") || EndsWith(adnominal, "은") || EndsWith(adnominal, "든") ||
                   EndsWith(adnominal, "된") || EndsWith(adnominal, "는"))) {
      for (size_t j = modifies + 1; j < words_.size() && j <= modifies + 5; ++j) {
        if (MentionAt(j) == nullptr) {
          if (!Gloss(words_[j].tail) || EndsWithCase(words_[j].core)) return;
          continue;
        }
        if ((Is(j, "Model") || Is(j, "Product")) && FirstOf(j) == j) {
          Add(at_[j], at_[k], "relies_on", kUses, used->begin, MentionAt(j)->end);
        }
        return;
      }
      return;
    }
    if (base) return;  // "X를 기반으로 …": a noun phrase's, not the clause's
    // The host in 에 ("'루빈'에 HBM4를 탑재할"), else the clause's subject.
    size_t user = words_.size();
    if (StartsWith(verb, "탑재")) {
      for (size_t j = FirstOf(k); j-- > 0 && user == words_.size();) {
        if ((Is(j, "Model") || Is(j, "Product")) && LastOf(j) == j && Particle(j) == "에") user = j;
        if (MentionAt(j) != nullptr && IsSubjectAt(j)) break;
      }
    }
    if (user == words_.size()) user = SubjectBefore(FirstOf(k));
    if (user == words_.size() || !(Is(user, "Model") || Is(user, "Product") || Is(user, "Organization"))) return;
    Add(at_[user], at_[k], "relies_on", kUses, MentionAt(user)->begin, words_[v].end);
  }

  // Y는 … X의 5나노 공정으로 만들고: a chip relies on the foundry that makes
  // it. Word k ends the foundry; Y is the clause's subject.
  void Foundry(size_t k) {
    if (Particle(k) != "의") return;
    size_t v = k + 1;
    while (v < words_.size() && v <= k + 2 && MentionAt(v) == nullptr && !StartsWith(words_[v].core, "공정") &&
           words_[v].tail.empty() && !EndsWithCase(words_[v].core)) {
      ++v;
    }
    if (v >= words_.size() || !(words_[v].core == "공정으로" || words_[v].core == "공정에서")) return;
    const size_t chip = SubjectBefore(FirstOf(k));
    if (chip < words_.size() && (Is(chip, "Model") || Is(chip, "Product"))) {
      Add(at_[chip], at_[k], "relies_on", kUses, MentionAt(chip)->begin, words_[v].end);
    }
  }

  // "8192개를", "512개로", "8개씩": a count, and the particle after it.
  static bool CountWord(std::string_view w, std::string_view* particle) {
    size_t i = 0;
    while (i < w.size() && ((w[i] >= '0' && w[i] <= '9') || w[i] == ',')) ++i;
    if (i == 0) return false;
    std::string_view rest = w.substr(i);
    for (const std::string_view unit : {"개", "장", "대"}) {
      if (StartsWith(rest, unit)) {
        rest.remove_prefix(unit.size());
        if (rest == "씩") rest = "";
        if (!rest.empty()) *particle = rest;
        return true;
      }
    }
    return false;
  }

  static bool UseVerb(std::string_view w) {
    for (const std::string_view v : {"활용", "사용", "탑재", "얹", "장착", "연결", "엮", "채택", "적용"}) {
      if (StartsWith(w, v)) return true;
    }
    return false;
  }


  static bool AllHangulOrLatin(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
        ++i;
      } else {
        if (!AllHangul(s.substr(i, 3))) return false;
        i += 3;
      }
    }
    return !s.empty();
  }

  // The English title of words [b, e), lower case, without "the", "a",
  // "former", and with "of"/"at" after it: "chief executive", "former CEO".
  std::optional<std::pair<std::string, const TitleEntry*>> EnglishTitle(size_t b, size_t e) const {
    while (b < e && (words_[b].core == "the" || words_[b].core == "a" || words_[b].core == "an" ||
                     words_[b].core == "its" || words_[b].core == "former" || words_[b].core == "Former")) {
      ++b;
    }
    // Two titles joined by "and" ("co-founder and CEO"): the one that heads.
    for (size_t k = b + 1; k + 1 < e; ++k) {
      if (words_[k].core != "and") continue;
      const auto first = EnglishTitle(b, k), second = EnglishTitle(k + 1, e);
      if (first && second) return Heads(second->second->role) || !Heads(first->second->role) ? second : first;
    }
    if (b >= e || e - b > 4) return std::nullopt;
    std::string key;
    for (size_t k = b; k < e; ++k) {
      if (k + 1 < e && !words_[k].tail.empty()) return std::nullopt;
      key += (k == b ? "" : " ") + LowerAscii(words_[k].core);
    }
    const TitleEntry* entry = rules_.names.Title(key);
    if (entry == nullptr) return std::nullopt;
    return std::make_pair(key, entry);
  }

  // A title phrase of words [b, e) with modifiers before the title and its
  // field after it: "vice president of generative AI", "a safety
  // researcher", "head of communications", "president of global affairs".
  // The title is titles.tsv's (the role); the words around it are lower
  // case and name nothing. Such a title is of a part of the organization
  // (its president of global affairs does not lead it): `*part` says so.
  std::optional<std::pair<std::string, const TitleEntry*>> EnglishTitlePhrase(size_t b, size_t e, bool* part) const {
    *part = false;
    if (auto exact = EnglishTitle(b, e)) return exact;
    *part = true;
    while (b < e && (words_[b].core == "the" || words_[b].core == "a" || words_[b].core == "an" ||
                     words_[b].core == "its" || words_[b].core == "former" || words_[b].core == "Former")) {
      ++b;
    }
    if (b >= e || e - b > 7) return std::nullopt;
    for (size_t k = b; k < e; ++k) {
      if (MentionAt(k) != nullptr || (k + 1 < e && !words_[k].tail.empty())) return std::nullopt;
    }
    // The field: "of" and up to four words, the first in lower case.
    size_t title_end = e;
    for (size_t k = b + 1; k < e; ++k) {
      if (words_[k].core == "of") {
        if (e - k > 5 || k + 1 >= e || IsAsciiUpper(words_[k + 1].core[0])) return std::nullopt;
        title_end = k;
        break;
      }
    }
    // The title: the longest that ends the words before the field, after
    // modifiers in lower case.
    for (size_t t = b; t < title_end; ++t) {
      if (IsAsciiUpper(words_[t].core[0]) && t > b) return std::nullopt;
      if (auto title = EnglishTitle(t, title_end)) return title;
    }
    return std::nullopt;
  }

  // Whether the mention ending at word k is in the possessive: "Meta's"
  // (the apostrophe joins the word), "Nvidia's," "Reuters'".
  bool Possessive(size_t k) const {
    const Candidate* c = MentionAt(k);
    if (c == nullptr) return false;
    const Word& w = words_[k];
    const std::string_view rest = c->end < w.end ? std::string_view(w.core).substr(c->end - w.begin) : w.tail;
    return rest == "'s" || rest == "'" || (c->end >= w.end && StartsWith(w.tail, "'s"));
  }

  bool Latin(size_t k) const {
    return !words_[k].core.empty() && static_cast<unsigned char>(words_[k].core[0]) < 0x80;
  }

  // English: ORG('s) TITLE PERSON: "Nvidia Chief Executive Jensen Huang",
  // "Google's chief executive Sundar Pichai", "Former GitHub chief
  // executive Nat Friedman". Word k ends the organization.
  void EnglishTitleBetween(size_t k) {
    // (A place's office too: "Delaware Attorney General Kathy Jennings".)
    if (!(Is(k, "Organization") || Is(k, "Location")) || !Latin(k) || LastOf(k) != k) return;
    const bool possessive = Possessive(k);
    if (!words_[k].tail.empty() && !possessive) return;
    for (size_t p = k + 2; p <= k + 5 && p < words_.size(); ++p) {
      if (!Is(p, "Person")) continue;
      if (FirstOf(p) != p) return;
      const auto title = EnglishTitle(k + 1, p);
      if (!title || (Is(k, "Location") && !PublicOffice(title->second->role))) return;
      if (!words_[p - 1].tail.empty() && words_[p - 1].tail != ",") return;
      Add(at_[p], at_[k], Heads(title->second->role) ? "leads" : "affiliated_with", kTitleEn,
          words_[FirstOf(k)].begin, words_[LastOf(p)].end, title->second->role);
      return;
    }
  }

  static bool PublicOffice(std::string_view role) {
    static constexpr std::string_view kRoles[] = {"governor", "mayor", "attorney general", "minister", "senator",
                                                  "secretary", "commissioner", "president", "prime minister"};
    return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
  }

  // English: "xAI, the startup founded by Elon Musk" (leads, founder);
  // "Forrest Norrod, who runs AMD's data center business" (affiliated),
  // "…, who runs AMD" (leads); "Elon Musk's artificial intelligence
  // company xAI" (affiliated). Word k ends the organization or the person.
  void EnglishFounderAndRuns(size_t k) {
    if (!english_ || LastOf(k) != k) return;
    const Candidate* c = MentionAt(k);
    if (c == nullptr) return;
    if (c->type == "Organization" && words_[k].tail == ",") {
      // ORG, the (words) founded by PERSON
      for (size_t j = k + 1; j + 2 < words_.size() && j <= k + 5; ++j) {
        if (MentionAt(j) != nullptr || !words_[j].tail.empty()) return;
        if ((words_[j].core == "founded" || words_[j].core == "co-founded") && words_[j + 1].core == "by" &&
            Is(j + 2, "Person") && FirstOf(j + 2) == j + 2) {
          Add(at_[j + 2], at_[k], "leads", kFoundedBy, c->begin, MentionAt(j + 2)->end, "founder");
          return;
        }
      }
      return;
    }
    if (c->type != "Person") return;
    // PERSON, who runs|heads|leads|oversees ORG('s …)
    if (words_[k].tail == "," && k + 3 < words_.size() && words_[k + 1].core == "who") {
      const std::string_view verb = words_[k + 2].core;
      if (!(verb == "runs" || verb == "heads" || verb == "leads" || verb == "oversees" || verb == "ran" ||
            verb == "headed" || verb == "led")) {
        return;
      }
      size_t o = k + 3;
      if (o < words_.size() && words_[o].core == "the") ++o;
      if (o >= words_.size() || !Is(o, "Organization") || FirstOf(o) != o) return;
      const bool part = Possessive(LastOf(o));
      Add(at_[k], at_[o], part ? "affiliated_with" : "leads", kRuns, c->begin, MentionAt(o)->end, part ? "" : "head");
      return;
    }
    // PERSON's (words) company|startup|firm ORG
    if (!Possessive(k)) return;
    for (size_t j = k + 1; j + 1 < words_.size() && j <= k + 5; ++j) {
      const std::string_view w = words_[j].core;
      if (MentionAt(j) != nullptr || !words_[j].tail.empty() || w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return;
      if ((w == "company" || w == "startup" || w == "firm" || w == "lab") && Is(j + 1, "Organization") &&
          FirstOf(j + 1) == j + 1) {
        Add(at_[k], at_[j + 1], "affiliated_with", kRuns, c->begin, MentionAt(j + 1)->end);
        return;
      }
    }
  }

  // English: PERSON, (the) TITLE of ORG / PERSON, ORG's TITLE / PERSON, ORG
  // TITLE: "Arthur Mensch, the chief executive of Mistral". Word k ends
  // the person.
  void EnglishTitleAfter(size_t k) {
    if (!Is(k, "Person") || !Latin(k) || LastOf(k) != k || words_[k].tail != ",") return;
    for (size_t o = k + 1; o <= k + 7 && o < words_.size(); ++o) {
      if (MentionAt(o) == nullptr) continue;
      if (!Is(o, "Organization")) return;
      const size_t o_last = LastOf(o);
      // … the chief executive of ORG, … a safety researcher at (rival) ORG
      size_t before = o - 1;
      if (before > k + 1 && (words_[before].core == "rival" || words_[before].core == "the")) --before;
      if (o > k + 1 && (words_[before].core == "of" || words_[before].core == "at")) {
        bool part = false;
        const auto title = EnglishTitlePhrase(k + 1, before, &part);
        if (!title) return;
        Add(at_[k], at_[o], Heads(title->second->role) && !part ? "leads" : "affiliated_with", kTitleEn,
            words_[FirstOf(k)].begin, words_[o_last].end, title->second->role);
        return;
      }
      // … ORG's TITLE, / … ORG TITLE,
      if (o == k + 1 || (o == k + 2 && words_[k + 1].core == "the")) {
        size_t e = o_last + 1;
        const bool possessive = Possessive(o_last);
        while (e < words_.size() && e <= o_last + (possessive ? 7 : 4) &&
               words_[e - 1].tail.find(',') == std::string_view::npos &&
               words_[e - 1].tail.find('.') == std::string_view::npos && MentionAt(e) == nullptr) {
          ++e;
        }
        // (ORG TITLE PERSON is that person's title: "…, Perplexity co-founder and CEO Aravind Srinivas".)
        if (e < words_.size() && Is(e, "Person")) return;
        if (!possessive && (!words_[o_last].tail.empty() || MentionAt(o_last)->end < words_[o_last].end)) return;
        bool part = false;
        const auto title = possessive ? EnglishTitlePhrase(o_last + 1, e, &part) : EnglishTitle(o_last + 1, e);
        if (!title) return;
        Add(at_[k], at_[o], Heads(title->second->role) && !part ? "leads" : "affiliated_with", kTitleEn,
            words_[FirstOf(k)].begin, words_[e - 1].end, title->second->role);
      }
      return;
    }
  }

  // "Claude maker Anthropic", "챗GPT 개발사 오픈AI": the maker named after
  // the word; "the ChatGPT maker", "챗GPT 개발사는" with no name after: the
  // organization of the document that the gazetteer gives as the
  // product's developer, where the document names it. Word k ends the
  // product.
  void MakerOf(size_t k) {
    const Candidate* made = MentionAt(k);
    if (made == nullptr || LastOf(k) != k || !(made->type == "Model" || made->type == "Product") ||
        made->end != words_[k].end || !words_[k].tail.empty() || k + 1 >= words_.size()) {
      return;
    }
    const size_t m = k + 1;
    const std::string_view word = words_[m].core;
    const bool en = word == "maker" || word == "maker's" || word == "developer" || word == "creator";
    const bool ko = StartsWith(word, "개발사") || StartsWith(word, "개발업체") || StartsWith(word, "제작사");
    if (!en && !ko) return;
    if (m + 1 < words_.size() && Is(m + 1, "Organization") && FirstOf(m + 1) == m + 1 &&
        (word == "maker" || word == "developer" || word == "creator" || word == "개발사" || word == "개발사인")) {
      Add(at_[m + 1], at_[k], "develops", kMakerOf, made->begin, MentionAt(m + 1)->end);
      return;
    }
    // With no name after it, "the ChatGPT maker" refers: to the developer
    // the gazetteer knows, named in the document.
    const bool definite = en ? FirstOf(k) > 0 && words_[FirstOf(k) - 1].core == "the"
                             : word != "개발사" && word != "개발사인" && word != "개발업체" && word != "제작사";
    if (!definite || made->entity < 0) return;
    const auto developer = rules_.entities[static_cast<size_t>(made->entity)].attributes.find("developer");
    if (developer == rules_.entities[static_cast<size_t>(made->entity)].attributes.end()) return;
    long maker = -1;
    for (const std::vector<size_t>* list : {&earlier_, &accepted_}) {
      for (size_t idx : *list) {
        const Candidate& c = all_[idx];
        if (c.entity >= 0 && c.type == "Organization" && rules_.entities[static_cast<size_t>(c.entity)].id == developer->second) {
          maker = static_cast<long>(idx);
          break;
        }
      }
      if (maker >= 0) break;
    }
    if (maker < 0) return;
    Add(maker, at_[k], "develops", kMakerOf, words_[en ? FirstOf(k) - 1 : FirstOf(k)].begin, words_[m].end);
  }

  // English apposition: "Colossus, xAI's supercomputer", "Blackwell
  // Ultra, an upgraded version of Nvidia's current flagship": the
  // organization whose thing the model or product is. Word k ends it.
  void AppositiveMaker(size_t k) {
    if (!english_) return;
    const Candidate* made = MentionAt(k);
    if (made == nullptr || LastOf(k) != k || !(made->type == "Model" || made->type == "Product") ||
        words_[k].tail != ",") {
      return;
    }
    for (size_t j = k + 1; j < words_.size() && j <= k + 7; ++j) {
      if (MentionAt(j) != nullptr) {
        if (Is(j, "Organization") && FirstOf(j) == j && Possessive(LastOf(j)) && LastOf(j) + 1 < words_.size() &&
            MentionAt(LastOf(j) + 1) == nullptr) {
          Add(at_[j], at_[k], "develops", kMakerAdjacent, made->begin, words_[LastOf(j) + 1].end);
        }
        return;
      }
      const std::string_view w = words_[j].core;
      if (!words_[j].tail.empty() || w.empty() || !(w[0] >= 'a' && w[0] <= 'z')) return;
      if (FunctionWord(w) && w != "a" && w != "an" && w != "the" && w != "of") return;
    }
  }

  // Makers. Word k ends an organization.
  void Maker(size_t k) {
    if (!Is(k, "Organization") || LastOf(k) != k) return;
    const Candidate& org = *MentionAt(k);
    const size_t next = k + 1;
    if (next >= words_.size()) return;
    auto is_made = [&](size_t j) { return Is(j, "Model") || Is(j, "Product"); };
    // ORG MODEL, ORG's MODEL: 구글 제미나이 3, Google's Gemini 3.
    const bool bare = Particle(k).empty() && (words_[k].tail.empty() || Possessive(k));
    if (bare && is_made(next) && FirstOf(next) == next) {
      Add(at_[k], at_[next], "develops", kMakerAdjacent, org.begin, MentionAt(next)->end);
      return;
    }
    // ORG's (words in lower case) MODEL: AMD's next-generation Instinct MI450.
    if (english_ && Possessive(k)) {
      for (size_t j = next; j < words_.size() && j <= next + 3; ++j) {
        if (MentionAt(j) != nullptr) {
          if (j > next && is_made(j) && FirstOf(j) == j) {
            Add(at_[k], at_[j], "develops", kMakerAdjacent, org.begin, MentionAt(j)->end);
          }
          return;
        }
        if (!words_[j].tail.empty() || words_[j].core.empty() || !(words_[j].core[0] >= 'a' && words_[j].core[0] <= 'z') ||
            FunctionWord(words_[j].core)) {
          return;
        }
      }
      return;
    }
    // ORG의 (plain words) 'MODEL': 텐센트의 이미지 생성 모델 '훈위안…'; a
    // benchmark in quotes too: 평가업체 X의 '비디오 아레나'.
    if (Particle(k) == "의") {
      for (size_t j = next; j < words_.size() && j <= next + 4; ++j) {
        if (MentionAt(j) != nullptr) {
          const bool quoted_benchmark = Is(j, "Benchmark") && !words_[j].lead.empty();
          if ((is_made(j) || quoted_benchmark) && FirstOf(j) == j) {
            Add(at_[k], at_[j], "develops", kMakerGenitive, org.begin, MentionAt(j)->end);
          }
          return;
        }
        if (!Gloss(words_[j].tail) || !AllHangulOrLatin(words_[j].core) || EndsWithCase(words_[j].core)) return;
      }
      return;
    }
    // ORG이/가 (words) 칩 'MODEL': the subject's own product, named after
    // the word for what it is ("화웨이가 인공지능(AI) 칩 '어센드'의 로드맵을",
    // "샤오미가 새 대형언어모델(LLM) 'MiMo'를").
    if (IsSubjectAt(k) && Particle(k) != "도") {
      for (size_t j = next; j < words_.size() && j <= next + 5; ++j) {
        if (MentionAt(j) == nullptr) {
          if (!Gloss(words_[j].tail) || EndsWithCase(words_[j].core)) break;
          continue;
        }
        if (j > next && is_made(j) && FirstOf(j) == j && !words_[j].lead.empty() && ProductWord(words_[j - 1].core)) {
          Add(at_[k], at_[j], "develops", kMakerGenitive, org.begin, MentionAt(j)->end);
        }
        break;
      }
    }
    // ORG은/는/이/가 … MODEL을/를 (모델을) 공개했다: released; ORG이/가 …
    // 공개한 'MODEL' (the verb modifies the model): released, or develops
    // for 개발한, 만든.
    if (IsSubjectAt(k) && Particle(k) != "도") {
      for (size_t v = next; v + 1 < words_.size() && v <= next + 8; ++v) {
        const Candidate* c = MentionAt(v);
        // Another organization that could be the agent ("구글에서 개발한",
        // "구글이 만든"); one in the dative is where it was released
        // ("허깅페이스에 공개한").
        if (c != nullptr && c->type == "Organization" && Particle(v) != "에" && Particle(v) != "의") break;
        const std::string_view core = words_[v].core;
        // A subject of its own, named or not ("시드팀이 선보인"): the verb is its.
        if (c == nullptr && core.size() > 3 && (EndsWith(core, "이") || EndsWith(core, "가"))) break;
        const bool release = core == "공개한" || core == "출시한" || core == "선보인" || core == "내놓은" ||
                             core == "발표한" || core == "공개했던" || core == "출시했던";
        // (자체: its own, "자체 거대언어모델(LLM) '에이닷엑스'".)
        // (A release to come is a model in the making: "내놓을", "출시할".)
        const bool develop = core == "개발한" || core == "만든" || core == "개발해" || core == "만들어" || core == "자체" ||
                             core == "내놓을" || core == "출시할" || core == "공개할" || core == "선보일";
        if (!release && !develop) continue;
        // The model right after (a descriptor between: 공개한 2세대 칩 '레니게이드');
        // a benchmark one made (오픈AI가 만든 의료 평가 '헬스벤치').
        for (size_t j = v + 1; j < words_.size() && j <= v + 4; ++j) {
          if (MentionAt(j) == nullptr) {
            if (!Gloss(words_[j].tail) || EndsWithCase(words_[j].core)) break;
            continue;
          }
          if ((is_made(j) || (develop && Is(j, "Benchmark"))) && FirstOf(j) == j) {
            Add(at_[k], at_[j], release ? "released" : "develops", kReleasedKo, org.begin, MentionAt(j)->end);
          }
          break;
        }
        break;
      }
      for (size_t j = next; j < words_.size(); ++j) {
        const Candidate* c = MentionAt(j);
        if (c != nullptr && c->type == "Organization" && IsSubjectAt(j)) return;  // another subject
        if (!is_made(j) || LastOf(j) != j) continue;
        size_t v = j + 1;
        const bool object = Particle(j) == "을" || Particle(j) == "를" || Particle(j) == "도";
        if (!object) {
          // 'X' 모델을, X 시리즈를
          if (v < words_.size() && (words_[v].core == "모델을" || words_[v].core == "모델를" ||
                                    words_[v].core == "시리즈를" || words_[v].core == "버전을")) {
            ++v;
          } else {
            continue;
          }
        }
        // The verb, after adverbials of when, where and how ("29일 내놨다",
        // "아파치 2.0 라이선스로 허깅페이스에 공개했다").
        for (const size_t first = v; v < words_.size() && v <= first + 4; ++v) {
          if (ReleaseVerb(words_[v].core)) {
            Add(at_[k], at_[j], "released", kReleasedKo, org.begin, words_[v].end);
            break;
          }
          if (!words_[v].tail.empty() || !Adverbial(v)) break;
        }
      }
      return;
    }
    // ORG released/launched/unveiled (its new) MODEL.
    if (english_ && words_[k].tail.empty() && next < words_.size()) {
      static constexpr std::string_view kVerbs[] = {"released",  "releases",  "launched", "launches",     "unveiled",
                                                    "unveils",   "introduced", "introduces", "debuted",   "open-sourced",
                                                    "announced", "announces"};
      size_t v = next;
      while (v < words_.size() && v <= next + 2 && (words_[v].core == "has" || words_[v].core == "also" ||
                                                    words_[v].core == "on")) {
        ++v;
      }
      if (v >= words_.size() ||
          std::find(std::begin(kVerbs), std::end(kVerbs), words_[v].core) == std::end(kVerbs)) {
        return;
      }
      // The models after it, a list of items joined by "and" or commas,
      // where an item is a model, or a description of the one before
      // ("Meta released Llama 4 Scout and Llama 4 Maverick in April",
      // "Nvidia unveiled Dynamo, open-source software …, and two desktop
      // computers, DGX Spark and DGX Station"). The list ends at a clause
      // ("but", "which") or the sentence's end.
      bool item_start = true;
      for (size_t j = v + 1; j < words_.size() && j <= v + 40; ++j) {
        const std::string_view c = words_[j].core;
        if (MentionAt(j) != nullptr) {
          if (!item_start) return;  // a name inside a description: not the list's
          if (!is_made(j) || FirstOf(j) != j) return;
          Add(at_[k], at_[j], "released", kReleasedEn, org.begin, MentionAt(j)->end);
          j = LastOf(j);
          item_start = false;
        } else if (item_start) {
          static constexpr std::string_view kEnds[] = {"but",   "while", "which", "who",  "after",  "before", "as",
                                                       "when",  "where", "saying", "that", "because", "since", "to"};
          if (std::find(std::begin(kEnds), std::end(kEnds), c) != std::end(kEnds)) return;
          const bool joins = c == "and" || c == "its" || c == "the" || c == "new" || c == "latest" || c == "a" ||
                             c == "an" || c == "also" || c == "both";
          if (!joins) item_start = false;  // a description, or a name the pack does not know
        }
        if (words_[j].tail.find_first_of(".;:") != std::string_view::npos) return;
        // A comma, or an "and" next, starts the next item.
        if (words_[j].tail.find(',') != std::string_view::npos ||
            (j + 1 < words_.size() && words_[j + 1].core == "and")) {
          item_start = true;
        }
      }
    }
  }

  // A word for what a model or a product is, right before its quoted name
  // ("칩 '어센드'", "대형언어모델(LLM) 'MiMo'"); its gloss aside.
  static bool ProductWord(std::string_view w) {
    static constexpr std::string_view kWords[] = {"칩", "모델", "가속기", "언어모델", "거대언어모델", "대형언어모델",
                                                  "LLM", "반도체", "메모리", "GPU", "NPU", "앱", "서비스", "플랫폼",
                                                  "챗봇", "비서", "에이전트", "제품", "프로세서", "시스템"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
  }

  // English words that do not modify a name: "SoftBank's stake in the
  // ChatGPT maker" names no model of SoftBank's.
  static bool FunctionWord(std::string_view w) {
    static constexpr std::string_view kWords[] = {"in",  "of",  "for", "to",  "with", "on",    "at",     "by",
                                                  "from", "the", "a",  "an",  "and",  "or",    "stake",  "shares",
                                                  "bet", "deal", "bid", "offer", "investment", "plan", "use"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
  }

  static bool EndsWithCase(std::string_view w) {
    // (Nouns that end as a particle does: 평가, 국가, 전문가.)
    for (const std::string_view noun : {"평가", "국가", "전문가", "작가", "대가", "차이", "아이"}) {
      if (EndsWith(w, noun)) return false;
    }
    for (const std::string_view p : {"을", "를", "에", "에서", "와", "과", "로", "으로", "은", "는", "이", "가", "도"}) {
      if (EndsWith(w, p)) return true;
    }
    return false;
  }

  // Whether word v may stand between an object and its verb: a word
  // without a case of its own, or a place or means (에, 에서, 로, 으로),
  // also a mention's ("허깅페이스에").
  bool Adverbial(size_t v) const {
    const std::string_view core = words_[v].core;
    if (MentionAt(v) != nullptr) {
      const std::string_view p = Particle(v);
      // (Or it modifies the next word: "MIT 라이선스로".)
      return LastOf(v) != v || p == "에" || p == "에서" || p == "로" || p == "으로" ||
             (p.empty() && words_[v].tail.empty() && words_[v].end == MentionAt(v)->end);
    }
    if (EndsWith(core, "을") || EndsWith(core, "를") || EndsWith(core, "은") || EndsWith(core, "는") ||
        EndsWith(core, "이") || EndsWith(core, "가") || EndsWith(core, "고") || EndsWith(core, "며") ||
        EndsWith(core, "다")) {
      return false;
    }
    return true;
  }

  static bool ReleaseVerb(std::string_view w) {
    for (const std::string_view v : {"공개", "출시", "선보", "선뵀", "내놓", "내놨", "발표", "출범", "오픈소스로"}) {
      if (w.substr(0, v.size()) == v) return true;
    }
    return false;
  }

  // ORG(PLACE): 훙타오캐피털(상하이). Word k ends the organization; the
  // place is in its gloss.
  void PlaceInGloss(size_t k) {
    if (!Is(k, "Organization") || LastOf(k) != k) return;
    const Word& w = words_[k];
    if (w.tail.size() < 3 || w.tail.front() != '(') return;
    const size_t open = w.end, close = w.end + w.tail.find(')');
    if (close < open) return;
    for (size_t idx : accepted_) {
      const Candidate& c = all_[idx];
      if (c.type != "Location" || c.begin != open + 1 || c.end != close) continue;
      Add(at_[k], static_cast<long>(idx), "located_in", kPlaceParen, MentionAt(k)->begin, close + 1);
    }
  }

  // Places. Word k ends a place.
  void Place(size_t k) {
    if (!Is(k, "Location") || LastOf(k) != k) return;
    const Candidate& place = *MentionAt(k);
    const size_t next = k + 1;
    if (next >= words_.size()) return;
    const Word& w = words_[k];
    // PLACE PLACE, the larger first (워싱턴주 레드먼드, 서울 중구); in
    // English the smaller first, with a comma (San Jose, California).
    if (Is(next, "Location") && FirstOf(next) == next) {
      if (Particle(k).empty() && w.tail.empty() && !Latin(k)) {
        Add(at_[next], at_[k], "located_in", kPlaceInPlace, place.begin, MentionAt(next)->end);
      } else if (Latin(k) && w.tail == ",") {
        Add(at_[k], at_[next], "located_in", kPlaceInPlace, place.begin, MentionAt(next)->end);
      }
      return;
    }
    // PLACE(의) (what it is) ORG: 중국 AI 스타트업 즈푸AI, 미국 마이크론,
    // 상하이의 AI 스타트업 미니맥스; PLACE의 ORG 본사: 레드먼드의 MS 본사.
    if (Latin(k) || !(Particle(k).empty() || Particle(k) == "의") || !(w.tail.empty())) return;
    size_t j = next;
    std::string_view last_plain;
    for (; j < words_.size() && j <= next + 3 && MentionAt(j) == nullptr; ++j) {
      if (!words_[j].tail.empty() || !AllHangulOrLatin(words_[j].core) || EndsWithCase(words_[j].core)) return;
      last_plain = words_[j].core;
    }
    if (j >= words_.size() || !Is(j, "Organization") || FirstOf(j) != j) return;
    if (!last_plain.empty() && !Describes(last_plain)) return;
    // The organizations: this one, and those joined to it by 와/과 ("중국
    // 스타트업 즈푸AI와 미니맥스"). (Of "중국 상하이의 미니맥스", only the
    // nearer place: the larger holds the nearer one, place-in-place.)
    for (size_t o = j; o < words_.size();) {
      Add(at_[o], at_[k], "located_in", kPlaceBefore, place.begin, MentionAt(o)->end);
      const size_t last = LastOf(o);
      if (!(Particle(last) == "와" || Particle(last) == "과") || last + 1 >= words_.size() ||
          !Is(last + 1, "Organization") || FirstOf(last + 1) != last + 1) {
        break;
      }
      o = last + 1;
    }
  }

  // "'어센드 950' 시리즈를 시작으로 … '어센드 960', '어센드 970'", "the
  // Instinct MI350 series": a version named as a series (or family) is part
  // of its family, and so is each version of that family in the sentence,
  // where the document names the family. Word k ends the first version.
  void Series(size_t k) {
    const Candidate* v = MentionAt(k);
    if (v == nullptr || LastOf(k) != k || k + 1 >= words_.size()) return;
    const auto family = v->attributes.find("family");
    if (family == v->attributes.end()) return;
    const std::string_view next = words_[k + 1].core;
    if (!(StartsWith(next, "시리즈") || next == "series" || next == "family" || next == "lineup")) return;
    const std::string id = family->second.substr(family->second.find(':') + 1);
    long whole = -1;
    for (const std::vector<size_t>* list : {&earlier_, &accepted_}) {
      for (size_t idx : *list) {
        const Candidate& c = all_[idx];
        if (c.entity >= 0 && rules_.entities[static_cast<size_t>(c.entity)].id == id) {
          whole = static_cast<long>(idx);
          break;
        }
      }
      if (whole >= 0) break;
    }
    if (whole < 0) return;
    for (size_t idx : accepted_) {
      const Candidate& c = all_[idx];
      const auto f = c.attributes.find("family");
      if (f != c.attributes.end() && f->second == family->second) {
        Add(static_cast<long>(idx), whole, "part_of", kSeries, c.begin, c.end);
      }
    }
  }

  // Taking part: "X가 정부의 'P' 프로젝트에 뛰어들었다", "X는 'P' 개발에도
  // 참여하고", "X는 'P' 프로젝트 정예팀에 뽑혔다", "X joined the P": the
  // clause's subject is part of the programme, alliance or consortium.
  // Word k ends P.
  void TakesPart(size_t k) {
    const Candidate* p = MentionAt(k);
    if (p == nullptr || LastOf(k) != k || !(p->type == "Policy" || p->type == "Organization" || p->type == "Event")) return;
    size_t v = k + 1;
    if (english_) {
      const size_t first = FirstOf(k);
      size_t b = first;
      if (b > 0 && words_[b - 1].core == "the") --b;
      if (b == 0 || !(words_[b - 1].core == "joined" || words_[b - 1].core == "joins")) return;
      for (size_t j = b - 1; j-- > 0;) {
        const Candidate* a = MentionAt(j);
        if (a == nullptr) continue;
        if (a->type == "Organization" && a != p) Add(at_[j], at_[k], "part_of", kTakesPart, a->begin, p->end);
        return;
      }
      return;
    }
    // (What it is, then where: "프로젝트에", "개발에도", "사업 정예팀에도";
    // not an organization's: "SK텔레콤 정예팀에" is a team of it.)
    std::string_view particle = Particle(k);
    while (particle.empty() && p->type != "Organization" && v < words_.size() && v <= k + 2 && MentionAt(v) == nullptr) {
      const std::string_view w = words_[v].core;
      ++v;
      if (EndsWith(w, "에") || EndsWith(w, "에도")) {
        particle = "에";
        break;
      }
      if (!words_[v - 1].tail.empty()) return;
    }
    if (!(particle == "에" || particle == "에도") || v >= words_.size()) return;
    const std::string_view verb = words_[v].core;
    if (!(StartsWith(verb, "참여") || StartsWith(verb, "뛰어들") || StartsWith(verb, "합류") || StartsWith(verb, "뽑혔") ||
          StartsWith(verb, "선정") || StartsWith(verb, "참가") || (verb == "본격" && v + 1 < words_.size() &&
                                                                   StartsWith(words_[v + 1].core, "뛰어들")))) {
      return;
    }
    if (p->type == "Organization" && !(StartsWith(verb, "참여") || StartsWith(verb, "합류") || StartsWith(verb, "참가"))) {
      return;
    }
    // The subject, and the organizations joined to it ("A와 B 등은").
    const size_t j = SubjectBefore(FirstOf(k));
    if (j == words_.size() || !Is(j, "Organization")) return;
    for (long member : JoinedBefore(j)) {
      Add(member, at_[k], "part_of", kTakesPart, all_[static_cast<size_t>(member)].begin, words_[v].end);
    }
  }

  // "베이징에서 세운 즈푸AI", "서울에서 설립된 누리AI": where it was founded.
  // Word k ends the place.
  void FoundedIn(size_t k) {
    if (english_ || !Is(k, "Location") || LastOf(k) != k || Particle(k) != "에서" || k + 2 >= words_.size()) return;
    const std::string_view verb = words_[k + 1].core;
    if (!(verb == "세운" || verb == "설립된" || verb == "설립한" || verb == "창업한" || verb == "출범한" ||
          verb == "창업된")) {
      return;
    }
    for (size_t j = k + 2; j < words_.size() && j <= k + 3; ++j) {
      if (MentionAt(j) == nullptr) continue;
      if (Is(j, "Organization") && FirstOf(j) == j) {
        Add(at_[j], at_[k], "located_in", kPlaceBefore, MentionAt(k)->begin, MentionAt(j)->end);
      }
      return;
    }
  }

  // English: "Paris-based Mistral AI", "Perplexity AI, the San
  // Francisco-based search startup". Word k ends the place.
  void BasedIn(size_t k) {
    if (!english_ || !Is(k, "Location") || LastOf(k) != k) return;
    const Candidate& place = *MentionAt(k);
    const Word& w = words_[k];
    if (place.end >= w.end) return;
    const std::string_view rest = std::string_view(w.core).substr(place.end - w.begin);
    if (!(rest == "-based" || rest == "-headquartered")) return;
    // PLACE-based (words in lower case) ORG
    for (size_t j = k + 1; j < words_.size() && j <= k + 3; ++j) {
      if (MentionAt(j) != nullptr) {
        if (Is(j, "Organization") && FirstOf(j) == j && w.tail.empty()) {
          Add(at_[j], at_[k], "located_in", kPlaceBased, place.begin, MentionAt(j)->end);
        }
        break;
      }
      if (!words_[j].tail.empty() || FunctionWord(words_[j].core) || IsAsciiUpper(words_[j].core[0])) break;
    }
    // ORG, the PLACE-based …
    const size_t first = FirstOf(k);
    if (first >= 2 && (words_[first - 1].core == "the" || words_[first - 1].core == "a") && Is(first - 2, "Organization") &&
        words_[first - 2].tail == ",") {
      Add(at_[first - 2], at_[k], "located_in", kPlaceBased, MentionAt(first - 2)->begin, w.end);
    }
  }

  // Where an event was held: "서울 코엑스에서 열린 '지포스 게이머 페스티벌'",
  // "the FII Priority Asia forum in Tokyo", "its Advancing AI event in San
  // Jose". Word k ends the place (Korean) or the event (English).
  void HeldAt(size_t k) {
    if (LastOf(k) != k) return;
    if (english_) {
      if (!Is(k, "Event") || !words_[k].tail.empty()) return;
      size_t j = k + 1;
      static constexpr std::string_view kKinds[] = {"event", "forum", "conference", "summit", "festival", "expo", "show",
                                                    "fair"};
      if (j < words_.size() && std::find(std::begin(kKinds), std::end(kKinds), words_[j].core) != std::end(kKinds)) {
        if (!words_[j].tail.empty()) return;
        ++j;
      }
      if (j + 1 < words_.size() && words_[j].core == "in" && Is(j + 1, "Location") && FirstOf(j + 1) == j + 1) {
        Add(at_[k], at_[j + 1], "located_in", kHeldAt, MentionAt(k)->begin, MentionAt(j + 1)->end);
      }
      return;
    }
    if (!Is(k, "Location")) return;
    size_t v = k + 1;
    // (The place itself in 에서, or a room of it: "국립중앙도서관 국제회의장에서".)
    if (Particle(k) != "에서") {
      if (!Particle(k).empty() || !words_[k].tail.empty() || v >= words_.size() || MentionAt(v) != nullptr ||
          !EndsWith(words_[v].core, "에서")) {
        return;
      }
      ++v;
    }
    if (v + 1 >= words_.size()) return;
    const std::string_view verb = words_[v].core;
    if (!(verb == "열린" || verb == "열리는" || verb == "개최된" || verb == "열렸던" || verb == "개막한")) return;
    for (size_t j = v + 1; j < words_.size() && j <= v + 3; ++j) {
      if (MentionAt(j) == nullptr) continue;
      if (Is(j, "Event") && FirstOf(j) == j) {
        Add(at_[j], at_[k], "located_in", kHeldAt, MentionAt(k)->begin, MentionAt(j)->end);
      }
      return;
    }
  }

  // Whether a word says what an organization is (스타트업, 기업, 매체 …).
  bool Describes(std::string_view word) const {
    static constexpr std::string_view kWords[] = {"기업", "스타트업", "업체", "회사", "매체", "빅테크", "반도체",
                                                  "그룹", "연구소", "대학", "정부", "당국", "은행", "거래소"};
    if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
    if (rules_.names.org_descriptors.count(std::string(word))) return true;
    for (const std::string_view suffix : {"기업", "업체", "회사", "사"}) {
      if (EndsWith(word, suffix) && word.size() > suffix.size()) return true;
    }
    return false;
  }

  const RulePackData& rules_;
  const std::vector<Word>& words_;
  const std::vector<Candidate>& all_;
  const std::vector<size_t>& accepted_;
  const std::vector<size_t>& earlier_;  // the accepted mentions of the document's earlier sentences
  std::vector<CandidateRelation>* relations_;
  size_t first_relation_;  // the first of relations_ found in this sentence
  std::vector<long> at_;  // the accepted mention at each word, or -1
  std::vector<std::string_view> particle_;  // at the last word of each mention
  bool english_ = false;
  mutable std::vector<std::optional<std::optional<TitleFound>>> titles_;  // TitleAt, once asked
};

}  // namespace

const std::vector<GrammarRelationRule>& GrammarRelationRules() {
  static const std::vector<GrammarRelationRule> kRules = {
      {kTitleKo, "leads, affiliated_with", "Person", "Organization, Product",
       "a person, an organization and a title beside each other, in any order: 백준호 퓨리오사AI 대표, 오픈AI 최고경영자(CEO) "
       "샘 올트먼, 블룸버그인텔리전스의 마빈 천 애널리스트"},
      {kTitleEn, "leads, affiliated_with", "Person", "Organization, Location",
       "Nvidia Chief Executive Jensen Huang; Jane Doe, the chief financial officer of Acme; Jane Doe, Meta's vice "
       "president of AI; a researcher at rival X; Delaware Attorney General Jane Doe"},
      {kFoundedBy, "leads", "Person", "Organization", "X, the startup founded by Jane Doe"},
      {kRuns, "leads, affiliated_with", "Person", "Organization",
       "Jane Doe, who runs X (leads) / X's data center business (affiliated); Jane Doe's rocket company X"},
      {kLedBy, "leads", "Person", "Organization", "P(이/가) 이끄는 / 세운 / 창업한 ORG"},
      {kFormerly, "affiliated_with", "Person", "Organization", "ORG (TITLE) 출신(인) P"},
      {kUnitOf, "part_of", "Organization", "Organization",
       "X 계열 Y, X 산하 (연구조직인) Y, X의 (words) 자회사 Y (ko/org_units.txt)"},
      {kMakerAdjacent, "develops", "Organization", "Model, Product",
       "the organization right before its model (구글 제미나이 3, Google's Gemini 3), after a possessive's modifiers "
       "(AMD's next-generation X), or in apposition (X, Nvidia's flagship)"},
      {kMakerGenitive, "develops", "Organization", "Model, Product, Benchmark",
       "ORG의 (up to four plain words) 'MODEL'; ORG이/가 (words) 칩 'MODEL'"},
      {kMakerOf, "develops", "Organization", "Model, Product",
       "Claude maker Anthropic, 챗GPT 개발사 오픈AI; the ChatGPT maker (the developer the gazetteer gives, where the "
       "document names it)"},
      {kReleasedKo, "released, develops", "Organization", "Model, Product, Benchmark",
       "ORG은/는/이/가 … 'MODEL'을 (when, where, how) 공개했다; ORG이/가 … 공개한 / 개발한 / 만든 / 자체 (words) 'MODEL'"},
      {kReleasedEn, "released", "Organization", "Model, Product",
       "ORG released / launched / unveiled MODEL, MODEL and MODEL (a list, descriptions between its names)"},
      {kPlaceBefore, "located_in", "Organization", "Location",
       "PLACE(의) (what it is) ORG (와 ORG): 중국 AI 스타트업 즈푸AI; PLACE에서 세운 ORG"},
      {kPlaceParen, "located_in", "Organization", "Location", "ORG(PLACE): 훙타오캐피털(상하이)"},
      {kPlaceInPlace, "located_in", "Location", "Location", "워싱턴주 레드먼드; San Jose, California"},
      {kPlaceBased, "located_in", "Organization", "Location", "Paris-based X; X, the San Francisco-based startup"},
      {kHeldAt, "located_in", "Event", "Location", "PLACE에서 열린 'EVENT'; the EVENT forum in PLACE"},
      {kScores, "ranks_on", "Model", "Benchmark",
       "MODEL … BENCH에서 N점; BENCH에서 (the models of a clause with a score, a rank or a comparison); MODEL "
       "scored N% on BENCH; placed second on BENCH"},
      {kBeats, "competes_with", "Model, Organization, Product", "Model, Organization, Product",
       "A는 … B를 앞섰다 / B 등 …을 제쳤다 / B보다 높았다; A beats B"},
      {kRivals, "competes_with", "Model, Organization, Product", "Model, Organization, Product",
       "X, ORG's rival; X competes with Y; A가 B와 맞붙었다 / 어깨를 나란히 / 비슷한 성능; A가 B에 뒤졌다"},
      {kInvestedBy, "invests_in", "Organization", "Organization",
       "X는 A와 B 등에서 투자를 받았다; A와 B 등이 투자자로 참여; led by A; counts A among its backers; A invested "
       "in X; A's stake in X; A will own N% of X"},
      {kBuiltOn, "relies_on", "Model, Product, Organization", "Model, Product", "X built on / runs on / powered by Y"},
      {kUses, "relies_on", "Model, Product, Organization", "Model, Product, Organization",
       "X를 기반으로 만든 'Y'; Y는 X를 활용한다 / 탑재 / 얹었다; Y에 X를 탑재; X 칩 N개로; X의 N나노 공정으로"},
      {kSeries, "part_of", "Model, Product", "Model, Product",
       "a version named as a series ('어센드 950' 시리즈, the X series) and the family's other versions in the sentence"},
      {kTakesPart, "part_of", "Organization", "Policy, Organization, Event",
       "ORG가 'P' 프로젝트에 참여 / 뛰어들었다 / 합류; ORG joined the P"},
  };
  return kRules;
}

const std::vector<std::string>& GrammarRelationRuleIds() {
  static const std::vector<std::string> kIds = [] {
    std::vector<std::string> ids;
    for (const GrammarRelationRule& r : GrammarRelationRules()) ids.emplace_back(r.id);
    return ids;
  }();
  return kIds;
}

void DecideReleases(std::string_view text, const std::vector<std::pair<size_t, size_t>>& sentences,
                    const std::vector<Candidate>& all, std::vector<CandidateRelation>* relations) {
  static constexpr std::string_view kReleases[] = {"공개", "출시", "선보", "선뵀", "내놓", "내놨", "발표", "오픈소스로"};
  // Whether a release verb follows mention `c` within its sentence: "'가우스2'
  // 공개", "'SOTA K' 출시" (after a closing quote, a particle, a descriptor).
  auto release_after = [&](const Candidate& c) {
    if (c.sentence < 0 || static_cast<size_t>(c.sentence) >= sentences.size()) return false;
    const size_t end = sentences[static_cast<size_t>(c.sentence)].second;
    std::string_view rest = text.substr(c.end, std::min<size_t>(end - std::min(end, c.end), 48));
    while (!rest.empty() && (rest.front() == '\'' || rest.front() == '"')) rest.remove_prefix(1);
    // (A gloss first: "'바르코(VARCO)'를 공개".)
    if (!rest.empty() && rest.front() == '(' && rest.find(')') != std::string_view::npos) {
      rest.remove_prefix(rest.find(')') + 1);
      while (!rest.empty() && (rest.front() == '\'' || rest.front() == '"')) rest.remove_prefix(1);
    }
    for (const std::string_view p : {"을 ", "를 ", " 모델을 ", " 모델 ", " "}) {
      if (rest.substr(0, p.size()) == p) {
        rest.remove_prefix(p.size());
        break;
      }
    }
    return std::any_of(std::begin(kReleases), std::end(kReleases),
                       [&](std::string_view w) { return rest.substr(0, w.size()) == w; });
  };
  // (Each a set, built once: a document's relations and mentions may be
  // many.)
  const bool any_develops = std::any_of(relations->begin(), relations->end(),
                                        [](const CandidateRelation& r) { return r.relation == "develops"; });
  if (any_develops) {
    std::unordered_set<std::string_view> released;  // labels of models and products with a release after them
    for (const Candidate& c : all) {
      if ((c.type == "Model" || c.type == "Product") && !released.count(c.label) && release_after(c)) {
        released.insert(c.label);
      }
    }
    for (CandidateRelation& r : *relations) {
      if (r.relation == "develops" && released.count(all[r.target].label)) r.relation = "released";
    }
  }
  // A pair both released and develops is released (the release's evidence
  // stays); a relation of the same ends and name is kept once.
  std::set<std::pair<std::string_view, std::string_view>> released_pairs;
  for (const CandidateRelation& r : *relations) {
    if (r.relation == "released") released_pairs.emplace(all[r.source].label, all[r.target].label);
  }
  std::set<std::tuple<size_t, size_t, std::string>> seen;  // (a copy: the relations move)
  size_t kept = 0;
  for (size_t i = 0; i < relations->size(); ++i) {
    const CandidateRelation& r = (*relations)[i];
    if (r.relation == "develops" && released_pairs.count({all[r.source].label, all[r.target].label})) continue;
    if (!seen.emplace(r.source, r.target, r.relation).second) continue;
    if (kept != i) (*relations)[kept] = std::move((*relations)[i]);
    ++kept;
  }
  relations->resize(kept);
}

void FindGrammarRelations(const RulePackData& rules, const std::vector<Word>& words, const std::vector<Candidate>& all,
                          const std::vector<size_t>& accepted, const std::vector<size_t>& earlier,
                          std::vector<CandidateRelation>* relations) {
  Reader(rules, words, all, accepted, earlier, relations).Run();
}

}  // namespace claimgraph::internal
