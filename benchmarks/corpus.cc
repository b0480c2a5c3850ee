// SPDX-License-Identifier: Apache-2.0
// The benchmark corpus: templates (our own sentences) x gazetteer entities,
// drawn with a seeded generator, so a size and a seed give the same bytes on
// every machine (no std distributions: their output differs between
// standard libraries).
#include "corpus.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "internal/utf8.h"
#include "entity_ids.h"
#include "read_rules.h"
#include "rule_pack.h"
#include "screen.h"

namespace claimgraph::bench {
namespace {

// splitmix64: small, fast, and the same everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) / 9007199254740992.0 < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  uint64_t state_;
};

// Korean sentences. {O1} organization, {P1} person, {M1} model, {R1} product,
// {B1} benchmark, {L1} place; .topic .subj .obj .and .gen add the particle
// that fits the name's last sound; {O2}, {M2} a second one of the type. {T}
// title, {C}/{C2} a claim's content, {D} day, {N} number, {K} a generated
// Korean name ({KE} an English one) that no gazetteer lists.
const std::vector<std::string> kKoreanSentences = {
    "{O1.topic} 지난 {D}일 차세대 언어 모델 {M1.obj} 공개했다.",
    "{O1.gen} {M1.topic} {B1}에서 {N}위에 올랐다.",
    "{P1} {O1} {T.topic} \"{C}\"고 말했다.",
    "{P1} {T.topic} 이날 기자간담회에서 \"{C}\"고 강조했다.",
    "업계에서는 {O1.and} {O2.gen} 경쟁이 한층 치열해질 것으로 보고 있다.",
    "{O1.topic} {L1}에 새 데이터센터를 짓는 데 {N}억 달러를 투자한다고 밝혔다.",
    "전문가들은 \"{C}\"고 지적했다.",
    "{O1.topic} {R1}에 {M1.obj} 탑재해 이용자 경험을 개선할 계획이다.",
    "{O1.topic} {O2.gen} 지분 {N}%를 인수하기로 했다고 {D}일 발표했다.",
    "{P1} {T.topic} \"{C}\"며 \"{C2}\"고 덧붙였다.",
    "{O1.subj} 개발한 {M1.topic} 공개 직후 내려받기 순위 상위권에 올랐다.",
    "{O1.topic} {O2.and} 손잡고 {L1} 시장을 공략하기로 했다.",
    "{P1} {T.topic} {C}고 설명했다.",
    "{O1} 관계자는 \"{C}\"고 전했다.",
    // People the gazetteer does not know ({K}: a generated Korean name).
    "{O1} {K} {T.topic} \"{C}\"라고 말했다.",
    "{K} {O1} {T.topic} 이번 협력이 시장의 판도를 바꿀 것이라고 밝혔다.",
    // More reporting shapes.
    "\"{C}\"라고 {P1} {T.topic} 말했다.",
    "{P1} {T.topic} \"{C}\"며 \"{C2}\"라고 지적했다.",
    "{P1} {T.topic} 경쟁사와의 격차가 빠르게 줄고 있음을 시사했다.",
    "{P1} {T.topic} 가격이 곧 내려갈 것이라고 말하며, 수요도 함께 늘어난다고 전망했다.",
    "{O1.topic} 신규 모델 출시가 미뤄졌다는 보도를 부인했다.",
    "{O1.topic} 자체 AI 칩을 개발하고 있는 것으로 알려졌다.",
    "{O1.subj} 대규모 투자 유치를 추진하고 있다고 {O2.subj} 보도했다.",
    "{O1.gen} 보고서에 따르면 기업용 AI 도입률은 1년 새 두 배로 늘어난 것으로 나타났다.",
    "{O1}에 따르면 {O2.topic} 내년 상반기에 새 모델을 내놓을 계획인 것으로 알려졌다.",
    "업계 안팎에서는 \"{C}\"라는 평가도 나온다.",
    "이번 모델이 오픈소스 생태계의 흐름을 바꿀 것이라는 전망도 있다.",
    "국내 기업들이 데이터 인프라 투자에 소홀했다는 분석입니다.",
    "업계는 규제가 지나치게 엄격하다며 반발하고 있다.",
    "{O1.gen} 분석에 따르면, 국내 스타트업 상당수가 해외 모델을 쓰고 있다고 합니다.",
    // More relations.
    "{O1.topic} {O2}에 {N}억 달러를 투자했다.",
    "{O1.topic} 여전히 {O2.gen} 칩에 크게 의존하고 있다.",
    "{L1}에 본사를 둔 {O1.subj} 새 서비스를 발표했다.",
    "{O1.gen} 자회사인 {O2.subj} 새 모델을 공개했다.",
    "{M1.obj} 개발한 {O1.topic} 다음 버전도 준비하고 있다.",
    "{O1.topic} {O2.and} 치열하게 경쟁하고 있다.",
    "{O1.gen} {M1} 및 {M2} 출시 이후 시장 분위기가 달라졌다.",
    "{O1.topic} {N}조 개 이상의 매개변수를 가진 '{M1}' 모델을 선보였다.",
};

const std::vector<std::string> kKoreanPlain = {
    "시장 반응은 아직 엇갈린다.",
    "관련 업계의 움직임도 빨라지고 있다.",
    "이번 발표는 투자자들의 관심을 끌었다.",
    "다만 구체적인 출시 일정은 공개되지 않았다.",
    "올해 들어 비슷한 발표가 잇따르고 있다.",
    "이에 따라 국내 기업들의 대응 전략에도 관심이 쏠린다.",
    "가격 경쟁이 본격화하면서 수익성에 대한 우려도 나온다.",
    "이용자 수는 석 달 만에 두 배 가까이 늘었다.",
    "정부도 관련 규제를 정비하는 방안을 검토하고 있다.",
    "반도체 공급망 문제는 여전히 변수로 꼽힌다.",
};

const std::vector<std::string> kKoreanClaims = {
    "올해 안에 모델 성능을 두 배로 끌어올리겠다",
    "오픈소스 전략이 시장의 판도를 바꿀 것이다",
    "규제보다 투자가 먼저 필요하다",
    "AI 반도체 공급 부족은 내년까지 이어질 수 있다",
    "모델 크기보다 데이터 품질이 더 중요하다",
    "고객이 실제로 쓰는 서비스에 집중하겠다",
    "가격 인하 경쟁은 오래가지 않을 것이다",
    "추론 비용을 낮추는 것이 가장 큰 과제다",
};

const std::vector<std::string> kKoreanTitles = {"대표", "교수", "연구원", "최고경영자(CEO)", "부사장", "최고기술책임자(CTO)"};

// Generated names ({K}, {KE}): people no gazetteer lists.
const std::vector<std::string> kSurnames = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"};
const std::vector<std::string> kGivenSyllables = {"민", "서", "지", "현", "우", "하", "준", "은", "도", "윤",
                                                  "수", "연", "태", "희", "진", "아", "성", "혜"};
const std::vector<std::string> kFirstNames = {"Maria", "David", "Priya", "Tom", "Elena", "Samuel", "Grace", "Omar"};
const std::vector<std::string> kLastNames = {"Lopez", "Whitfield", "Okafor", "Brennan", "Sato", "Lindqvist", "Moreau"};

// English sentences: the same slots; {TE} title, {CE} claim, {ORD} ordinal,
// {MON} month.
const std::vector<std::string> kEnglishSentences = {
    "{O1} unveiled {M1} on {MON} {D}, saying the model beats its predecessor on coding tasks.",
    "\"{CE}\", {P1}, {TE} of {O1}, said in an interview.",
    "{P1} said that {CE}.",
    "{M1}, developed by {O1}, ranked {ORD} on {B1} this week.",
    "Analysts expect {O1} and {O2} to compete harder in {L1}.",
    "{O1} plans to invest ${N} billion in data centers in {L1}, according to {O2}.",
    "{O1} integrated {M1} into {R1} last week.",
    "{O1} agreed to buy a {N}% stake in {O2}, the companies said on {MON} {D}.",
    "According to {P1}, {CE}.",
    "Experts warned that {CE}.",
    // People the gazetteer does not know ({KE}: a generated name).
    "{KE}, {TE} at {O1}, said the company would expand its research team.",
    "\"{CE},\" said {KE}, {TE} of {O1}.",
    // More reporting shapes.
    "\"{CE},\" {P1} said.",
    "\"{CE},\" said {P1}.",
    "{CE}, {P1} said.",
    "{CE}, said {KE}, {TE} of {O1}.",
    "Professor {KE} said the results were encouraging.",
    "{O1} reported that {CE}.",
    // More relations.
    "{O1}, founded by {P1}, is preparing a public listing.",
    "{O1} invested ${N} billion in {O2}.",
    "{O1} competes with {O2} for cloud customers.",
    "{O1} relies heavily on {O2} for training hardware.",
    "{L1}-based {O1} announced a new research lab.",
    "{O1}, a unit of {O2}, released a new assistant.",
    "{O1}'s {M1} topped the leaderboard this week.",
    "{O1}, which develops {M1}, raised new funding.",
    "{O1} became the largest shareholder of {O2}.",
};

const std::vector<std::string> kEnglishPlain = {
    "Shares rose slightly after the announcement.",
    "The company did not disclose pricing.",
    "Competition in the sector has intensified this year.",
    "Regulators are watching the market closely.",
    "The release comes weeks after a rival launch.",
    "Demand for inference capacity keeps growing.",
    "Several customers have already begun testing the system.",
};

const std::vector<std::string> kEnglishClaims = {
    "open models will dominate enterprise adoption",
    "the company will double its compute capacity next year",
    "export controls have slowed chip deliveries",
    "pricing pressure is likely to ease by the end of the year",
    "smaller models are catching up faster than expected",
};

const std::vector<std::string> kEnglishTitles = {"chief executive", "head of research", "a professor",
                                                 "chief technology officer", "a senior analyst"};
const std::vector<std::string> kMonths = {"January", "February", "March", "April", "May", "June",
                                          "July", "August", "September", "October", "November", "December"};
const std::vector<std::string> kOrdinals = {"first", "second", "third", "fourth", "fifth"};

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    int len = 1;
    out.push_back(internal::DecodeAt(s, i, &len));
    i += static_cast<size_t>(len);
  }
  return out;
}

bool HasHangul(std::string_view s) {
  for (char32_t c : CodePoints(s)) {
    if (c >= 0xAC00 && c <= 0xD7A3) return true;
  }
  return false;
}

// Whether the Korean reading of `name` ends in a consonant (받침).
bool EndsInConsonant(std::string_view name) {
  const std::u32string cps = CodePoints(name);
  if (cps.empty()) return false;
  const char32_t last = cps.back();
  if (last >= 0xAC00 && last <= 0xD7A3) return (last - 0xAC00) % 28 != 0;
  if (last >= '0' && last <= '9') return std::string_view("013678").find(static_cast<char>(last)) != std::string_view::npos;
  const char lower = static_cast<char>(last | 0x20);
  return lower == 'l' || lower == 'm' || lower == 'n';
}

std::string Particle(std::string_view name, std::string_view kind) {
  const bool c = EndsInConsonant(name);
  if (kind == "topic") return c ? "은" : "는";
  if (kind == "subj") return c ? "이" : "가";
  if (kind == "obj") return c ? "을" : "를";
  if (kind == "and") return c ? "과" : "와";
  if (kind == "gen") return "의";
  return "";
}

struct Names {
  // type letter -> names usable in that language
  std::map<char, std::vector<std::string>> korean, english;
};

Names CollectNames(const RulePack& rules) {
  static const std::map<std::string, char> kLetter = {{"Organization", 'O'}, {"Person", 'P'}, {"Model", 'M'},
                                                      {"Product", 'R'},      {"Benchmark", 'B'}, {"Location", 'L'}};
  Names names;
  for (const internal::GazetteerEntry& e : rules.data().entities) {
    const auto it = kLetter.find(e.type);
    if (it == kLetter.end()) continue;
    names.english[it->second].push_back(e.canonical);
    for (const std::string& alias : e.aliases) {
      if (HasHangul(alias)) {
        names.korean[it->second].push_back(alias);
        break;
      }
    }
    // Latin names of organizations, models and products appear in Korean text as written.
    if (it->second == 'M' || it->second == 'R' || (it->second == 'O' && !HasHangul(e.canonical) && e.aliases.size() < 2)) {
      names.korean[it->second].push_back(e.canonical);
    }
  }
  for (auto* table : {&names.korean, &names.english}) {
    for (const char letter : std::string("OPMRBL")) {
      if ((*table)[letter].empty()) (*table)[letter].push_back(letter == 'P' ? "Kim Minsu" : "Acme");
    }
  }
  return names;
}

// Expands one template; slots of the same name get the same entity.
std::string Expand(const std::string& templ, bool korean, const Names& names, Random& rng) {
  const auto& table = korean ? names.korean : names.english;
  std::map<std::string, std::string> chosen;
  std::string out;
  for (size_t i = 0; i < templ.size();) {
    if (templ[i] != '{') {
      out.push_back(templ[i++]);
      continue;
    }
    const size_t close = templ.find('}', i);
    const std::string slot = templ.substr(i + 1, close - i - 1);
    i = close + 1;
    const size_t dot = slot.find('.');
    const std::string name = slot.substr(0, dot);
    const std::string particle = dot == std::string::npos ? "" : slot.substr(dot + 1);
    std::string value;
    if (name == "D") {
      value = std::to_string(1 + rng.Below(28));
    } else if (name == "N") {
      value = std::to_string(2 + rng.Below(97));
    } else if (name == "C" || name == "C2") {
      value = rng.Pick(kKoreanClaims);
    } else if (name == "CE") {
      value = rng.Pick(kEnglishClaims);
    } else if (name == "K") {
      value = rng.Pick(kSurnames) + rng.Pick(kGivenSyllables) + rng.Pick(kGivenSyllables);
    } else if (name == "KE") {
      value = rng.Pick(kFirstNames) + " " + rng.Pick(kLastNames);
    } else if (name == "T") {
      value = rng.Pick(kKoreanTitles);
    } else if (name == "TE") {
      value = rng.Pick(kEnglishTitles);
    } else if (name == "MON") {
      value = rng.Pick(kMonths);
    } else if (name == "ORD") {
      value = rng.Pick(kOrdinals);
    } else {
      auto [it, fresh] = chosen.emplace(name, "");
      if (fresh) it->second = rng.Pick(table.at(name[0]));
      value = it->second;
    }
    // A sentence starts with a capital (an English claim opening it).
    if (out.empty() && !value.empty() && value[0] >= 'a' && value[0] <= 'z') value[0] = static_cast<char>(value[0] - 'a' + 'A');
    out += value;
    if (!particle.empty()) out += Particle(value, particle);
  }
  return out;
}

std::string Document(bool korean, const Names& names, Random& rng) {
  const auto& sentences = korean ? kKoreanSentences : kEnglishSentences;
  const auto& plain = korean ? kKoreanPlain : kEnglishPlain;
  const size_t count = 10 + rng.Below(16);
  std::string text;
  for (size_t s = 0; s < count; ++s) {
    if (s > 0) text += (s % 4 == 0) ? "\n\n" : " ";
    text += rng.Chance(0.55) ? Expand(rng.Pick(sentences), korean, names, rng) : rng.Pick(plain);
  }
  return text;
}

}  // namespace

size_t GenerateCorpus(const RulePack& rules, const CorpusOptions& options,
                      const std::function<void(const std::string&)>& sink) {
  const Names names = CollectNames(rules);
  Random rng(options.seed);
  size_t written = 0, docs = 0;
  while (written < options.bytes) {
    const bool korean = rng.Chance(options.korean);
    const std::string text = Document(korean, names, rng);
    const std::string title = Expand(rng.Pick(korean ? kKoreanSentences : kEnglishSentences), korean, names, rng);
    char id[32], date[16];
    std::snprintf(id, sizeof(id), "%s-%07zu", korean ? "ko" : "en", docs);
    std::snprintf(date, sizeof(date), "2025-%02zu-%02zu", 1 + rng.Below(12), 1 + rng.Below(28));
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("id"); w.String(id);
    w.Key("title"); w.String(title.c_str(), static_cast<rapidjson::SizeType>(title.size()));
    w.Key("date"); w.String(date);
    w.Key("lang"); w.String(korean ? "ko" : "en");
    w.Key("text"); w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
    w.EndObject();
    std::string line(buffer.GetString(), buffer.GetSize());
    line.push_back('\n');
    written += line.size();
    ++docs;
    sink(line);
  }
  return docs;
}

std::string GenerateCorpusString(const RulePack& rules, const CorpusOptions& options) {
  std::string out;
  out.reserve(options.bytes + 8192);
  GenerateCorpus(rules, options, [&](const std::string& line) { out += line; });
  return out;
}

std::string GazetteerTsv(const RulePack& rules, size_t real, size_t entries, uint64_t seed) {
  static const std::vector<std::string> kHangul = {"가", "나", "다", "라", "마", "바", "사", "아", "자", "차",
                                                   "카", "타", "파", "하", "온", "빛", "솔", "윤", "진", "헌"};
  static const std::vector<std::string> kLatin = {"ka", "lo", "mi", "nu", "ra", "se", "ti", "vo", "xe", "zu",
                                                  "bri", "dan", "fel", "gor", "hal", "jin", "kor", "lum"};
  static const std::vector<std::pair<std::string, std::string>> kSuffix = {
      {"테크", "Tech"}, {"랩스", "Labs"}, {"소프트", "Soft"}, {"로보틱스", "Robotics"}, {"바이오", "Bio"}, {"AI", "AI"}};
  std::string tsv = "# generated by claimgraph_corpus: " + std::to_string(entries) + " entries\n";
  std::set<std::string> taken;
  size_t n = 0;
  for (const internal::GazetteerEntry& e : rules.data().entities) {
    if (n == entries || n == real) break;
    std::string aliases;
    for (size_t i = 1; i < e.aliases.size(); ++i) aliases += (aliases.empty() ? "" : "|") + e.aliases[i];
    tsv += e.id + "\t" + e.canonical + "\t" + e.type + "\t" + (aliases.empty() ? "-" : aliases) + "\t-\n";
    ++n;
  }
  for (const internal::GazetteerEntry& e : rules.data().entities) {
    for (const std::string& a : e.aliases) taken.insert(a);
  }
  Random rng(seed);
  while (n < entries) {
    std::string ko, latin;
    const size_t syllables = 2 + rng.Below(3);
    for (size_t i = 0; i < syllables; ++i) {
      ko += rng.Pick(kHangul);
      latin += rng.Pick(kLatin);
    }
    const auto& [ko_suffix, en_suffix] = rng.Pick(kSuffix);
    latin[0] = static_cast<char>(latin[0] - 'a' + 'A');
    const std::string canonical = latin + " " + en_suffix;
    const std::string alias = ko + ko_suffix;
    if (!taken.insert(canonical).second || !taken.insert(alias).second) continue;
    std::string id;
    for (char c : canonical) id.push_back(c == ' ' ? '-' : static_cast<char>(c | 0x20));
    tsv += id + "\t" + canonical + "\tOrganization\t" + alias + "\t-\n";
    ++n;
  }
  return tsv;
}

}  // namespace claimgraph::bench
