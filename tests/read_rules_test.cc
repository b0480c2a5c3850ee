// SPDX-License-Identifier: Apache-2.0
// Stage 0: rule packs load, and bad ones fail with every problem located
// at file:line:column in compiler style.
#include "entity_ids.h"
#include "read_rules.h"
#include "rule_pack.h"
#include "screen.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "claimgraph/rule_tools.h"
#include "test_util.h"

namespace claimgraph {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

const char* kParticles = "은\n는\n의\n";

std::string LoadErrors(const Files& files) {
  Result<RulePack> r = RulePack::FromFiles(files, "pack");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kInvalidRules);
  return r.status().ToString();
}

TEST_CASE("the built-in pack loads, with a real gazetteer") {
  const RulePack& rules = testing::BuiltInRules();
  CHECK(rules.entity_count() >= 300);
  CHECK(rules.alias_count() > rules.entity_count());
  CHECK(rules.pattern_count() >= 8);
  CHECK(rules.particle_count() >= 30);
  CHECK(rules.attribution_rule_count() == 0);  // claims come from the cue grammar; rules are a pack's extension
  CHECK(rules.cue_count() >= 30);
  CHECK(rules.data().claim_examples.size() >= 30);
}

TEST_CASE("the rules/ directory loads from disk the same as the built-in pack") {
  Result<RulePack> disk = RulePack::Load(std::string(CLAIMGRAPH_SOURCE_DIR) + "/rules");
  REQUIRE(disk.ok());
  CHECK(disk->entity_count() == testing::BuiltInRules().entity_count());
  CHECK(disk->pattern_count() == testing::BuiltInRules().pattern_count());
}

TEST_CASE("gazetteer errors name the file, line and column") {
  SUBCASE("wrong column count") {
    CHECK(LoadErrors({{"ko/particles.txt", kParticles}, {"entities/a.tsv", "# c\nacme\tAcme\tOrganization\n"}}) ==
          "pack/entities/a.tsv:2:1: error: expected 5 tab-separated columns (id, canonical, type, aliases, "
          "attributes), found 3\n");
  }
  SUBCASE("unknown type") {
    CHECK(LoadErrors({{"ko/particles.txt", kParticles}, {"entities/a.tsv", "acme\tAcme\tOrg\t-\t-\n"}}) ==
          "pack/entities/a.tsv:1:11: error: unknown entity type \"Org\" (expected Person, Organization, Model, "
          "Product, Location, Policy, Benchmark, Event, Group, Other)\n");
  }
  SUBCASE("id that is not the slug of the canonical name") {
    CHECK(LoadErrors({{"ko/particles.txt", kParticles}, {"entities/a.tsv", "acme-corp\tAcme\tOrganization\t-\t-\n"}}) ==
          "pack/entities/a.tsv:1:1: error: id \"acme-corp\" is not the slug of \"Acme\" (expected \"acme\")\n");
  }
  SUBCASE("an alias claimed by two entities, and a dangling reference: both reported") {
    const std::string errors = LoadErrors(
        {{"ko/particles.txt", kParticles},
         {"entities/a.tsv", "acme\tAcme\tOrganization\t애크미\t-\nacme-ai\tAcme AI\tModel\t애크미\tdeveloper=nobody\n"}});
    CHECK(errors ==
          "pack/entities/a.tsv:2:23: error: alias \"애크미\" already names \"Acme\" (pack/entities/a.tsv:1)\n"
          "pack/entities/a.tsv:2:1: error: attribute developer=nobody names no entity id\n");
  }
}

TEST_CASE("pattern errors carry the rule id and the re2 message") {
  SUBCASE("re2 compile error") {
    const std::string errors = LoadErrors(
        {{"ko/particles.txt", kParticles},
         {"patterns/p.json", "{\"rules\": [\n  {\"id\": \"x.bad\", \"type\": \"Person\",\n   \"pattern\": \"(?P<name>a\"}\n]}\n"}});
    CHECK(errors == "pack/patterns/p.json:3:4: error: invalid re2 pattern: missing ): (?P<name>a (at \"(?P<name>a\") [x.bad]\n");
  }
  SUBCASE("a group the rule names but the pattern lacks") {
    const std::string errors = LoadErrors(
        {{"ko/particles.txt", kParticles},
         {"patterns/p.json", "{\"rules\": [{\"id\": \"x.group\", \"type\": \"Person\", \"pattern\": \"(?P<who>a)\"}]}"}});
    CHECK(errors == "pack/patterns/p.json:1:19: error: capture group \"name\" named by \"group\" is not in the pattern [x.group]\n");
  }
  SUBCASE("a rule file nested 200,000 deep is an error, not a stack overflow") {
    const std::string errors = LoadErrors(
        {{"ko/particles.txt", kParticles},
         {"patterns/p.json", "{\"rules\": " + std::string(200000, '[') + std::string(200000, ']') + "}"}});
    CHECK(errors.find("pack/patterns/p.json:1:11: error: a rule must be a JSON object") != std::string::npos);
  }
  SUBCASE("JSON syntax error with its position; comments and trailing commas are allowed") {
    const std::string errors = LoadErrors(
        {{"ko/particles.txt", kParticles},
         {"patterns/p.json", "// comment\n{\"rules\": [\n  {\"id\": \"a\", \"type\": \"Person\", \"pattern\": \"(?P<name>x)\",},\n  {\"id\" \"b\"}\n]}\n"}});
    CHECK(errors == "pack/patterns/p.json:4:9: error: JSON parse error: Missing a colon after a name of object member.\n");
  }
  SUBCASE("unknown type and unknown relation") {
    const std::string errors = LoadErrors(
        {{"ko/particles.txt", kParticles},
         {"patterns/p.json",
          "{\"rules\": [{\"id\": \"r\", \"type\": \"Org\", \"pattern\": \"(?P<name>x)(?P<o>y)\",\n"
          " \"relation\": {\"source\": \"o\", \"relation\": \"owns\", \"target\": \"name\"}}]}"}});
    CHECK(errors.find("pack/patterns/p.json:1:24: error: unknown entity type \"Org\"") == 0);
    CHECK(errors.find("pack/patterns/p.json:2:2: error: unknown relation \"owns\" (the pack declares none: "
                      "relations/types.tsv) [r]") != std::string::npos);
  }
}

TEST_CASE("a missing rule directory is an I/O error") {
  Result<RulePack> r = RulePack::Load("/nonexistent/claimgraph-rules");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kIoError);
  CHECK(r.status().ToString() ==
        "/nonexistent/claimgraph-rules: error: rule pack directory not found or not a directory\n");
}

TEST_CASE("slugs keep letters of every script") {
  CHECK(internal::Slug("Hunyuan-Image-3.0") == "ent:hunyuan-image-3-0");
  CHECK(internal::Slug("카일 찬") == "ent:카일-찬");
  CHECK(internal::Slug("  a16z ") == "ent:a16z");
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("the screen's patterns lose their counted repetitions and nothing else") {
  using internal::RelaxForScreen;
  CHECK(RelaxForScreen("a{2,5}b") == "a+b");
  CHECK(RelaxForScreen("a{0,3}?b") == "a*?b");
  CHECK(RelaxForScreen("(?:[^ ]+ ){1,4}??x") == "(?:[^ ]+ )+??x");
  CHECK(RelaxForScreen("x{2,}y{3}z{0}") == "x+y+z*");
  CHECK(RelaxForScreen("[가-힣A-Za-z0-9]{2,12}(?:대학교|연구원)") == "[가-힣A-Za-z0-9]+(?:대학교|연구원)");
  CHECK(RelaxForScreen("\\p{Hangul}{1,3}\\x{41}{2}") == "\\p{Hangul}+\\x{41}+");
  // Braces that are not repetitions stay as they are.
  CHECK(RelaxForScreen("[{1,2}]a") == "[{1,2}]a");
  CHECK(RelaxForScreen("[]{1,2}]a") == "[]{1,2}]a");
  CHECK(RelaxForScreen("[^]{1,2}]a") == "[^]{1,2}]a");
  CHECK(RelaxForScreen("[[:alpha:]{1]a") == "[[:alpha:]{1]a");
  CHECK(RelaxForScreen("\\{1,2}") == "\\{1,2}");
  CHECK(RelaxForScreen("a{,3}") == "a{,3}");
  CHECK(RelaxForScreen("a{x}") == "a{x}");
  CHECK(RelaxForScreen("\\Qa{1,2}\\E{2}") == "\\Qa{1,2}\\E+");
  // What the original matches, the relaxed pattern matches (and more).
  const RE2 bounded("^(?:[^ ]+ ){1,2}\"[^\"]{4,8}\"라고");
  const RE2 relaxed(RelaxForScreen(bounded.pattern()));
  REQUIRE(relaxed.ok());
  for (const char* text : {"그는 \"모델이 좋다\"라고", "업계 관계자는 \"가격이 내려간다\"라고"}) {
    CHECK(RE2::PartialMatch(text, bounded));
    CHECK(RE2::PartialMatch(text, relaxed));
  }
  CHECK_FALSE(RE2::PartialMatch("그 업계 관계자는 \"가격이 내려간다\"라고", bounded));  // three words
  CHECK(RE2::PartialMatch("그 업계 관계자는 \"가격이 내려간다\"라고", relaxed));
}

TEST_CASE("the built-in pack's screen patterns compile, and are no larger than their rules") {
  const internal::RulePackData& data = testing::BuiltInRules().data();
  REQUIRE(data.sentence_screen != nullptr);
  size_t relaxed_total = 0;
  size_t total = 0;
  auto check = [&](const std::string& id, const RE2& re) {
    CAPTURE(id);
    const RE2 relaxed(internal::RelaxForScreen(re.pattern()));
    REQUIRE(relaxed.ok());
    CHECK(relaxed.ProgramSize() <= re.ProgramSize());
    relaxed_total += static_cast<size_t>(relaxed.ProgramSize());
    total += static_cast<size_t>(re.ProgramSize());
  };
  for (const auto& r : data.context_rules) check(r.id, *r.re);
  for (const auto& r : data.attribution_rules) check(r.id, *r.re);
  MESSAGE("screen patterns: " << relaxed_total << " RE2 instructions, the rules " << total);
  CHECK(relaxed_total * 3 < total * 2);  // counted repetitions were nearly half of the rules' programs
}

TEST_CASE("a relation-only rule without placeholders is refused") {
  const std::string errors = LoadErrors(
      {{"ko/particles.txt", kParticles},
       {"relations/types.tsv", "develops\tdirected\tbuilds\n"},
       {"patterns/p.json",
        "{\"rules\": [{\"id\": \"r\", \"pattern\": \"(?P<a>x)(?P<b>y)\",\n"
        " \"relation\": {\"source\": \"a\", \"relation\": \"develops\", \"target\": \"b\"}}]}"}});
  CHECK(errors == "pack/patterns/p.json:2:2: error: a relation-only rule needs ⟦Type⟧ placeholders in its pattern [r]\n");
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("every deliberately broken pack fails with exactly its expected messages and locations") {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(CLAIMGRAPH_SOURCE_DIR) / "tests/testdata/rules";
  size_t packs = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("bad_", 0) != 0) continue;
    ++packs;
    INFO("pack " << name);
    Result<RulePack> r = RulePack::Load(entry.path().string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kInvalidRules);
    std::string expected = testing::ReadFileOrEmpty((entry.path() / "expected.txt").string());
    for (size_t p = expected.find("{DIR}"); p != std::string::npos; p = expected.find("{DIR}", p)) {
      expected.replace(p, 5, entry.path().string());
    }
    CHECK(r.status().ToString() == expected);
  }
  CHECK(packs >= 10);
}

TEST_CASE("layered packs: a later pack adds entities and overrides entries and rules by id") {
  const std::string overlay = std::string(CLAIMGRAPH_SOURCE_DIR) + "/tests/testdata/rules/ok_overlay";
  Result<RulePack> layered = RulePack::LoadLayers({"builtin", overlay});
  REQUIRE(layered.ok());
  CHECK(layered->entity_count() == testing::BuiltInRules().entity_count() + 1);
  Pipeline pipeline(*layered);
  Document doc;
  doc.id = "d";
  doc.text = "누리그룹과 아리바바가 손잡았다. 미래산업연구원과 한빛대학교도 참여했다.";
  Result<Extraction> ex = pipeline.Extract(doc);
  REQUIRE(ex.ok());
  std::vector<std::string> labels;
  for (const EntityMention& m : ex->mentions) labels.push_back(m.label + "/" + m.rule);
  // The overlay's entity and its new alias of Alibaba; its ko.org.suffix
  // (universities only) replaced the default one.
  CHECK(labels == std::vector<std::string>{"Nuri Group/gazetteer", "Alibaba/gazetteer", "한빛대학교/ko.org.suffix"});
  // The default pack alone knows none of that.
  Document same = doc;
  Result<Extraction> plain = Pipeline(testing::BuiltInRules()).Extract(same);
  REQUIRE(plain.ok());
  CHECK(plain->mentions.size() == 3);  // 누리그룹 and 미래산업연구원 by suffix, 한빛대학교
  Result<RulePack> missing = RulePack::LoadLayers({"builtin", "/nonexistent/pack"});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == ErrorCode::kIoError);
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("a cue alternation is built from claims/cues.tsv, and a cue it lacks is an error") {
  const Files base = {{"ko/particles.txt", kParticles},
                      {"claims/cues.tsv", "전망\t전망하다\thedged\tfalse\tCUE_T\n전\t전하다\tasserted\tfalse\tCUE_T\n"}};
  SUBCASE("the define expands to the cues in file order, and the rule loads") {
    Files files = base;
    files.emplace_back("claims/a.json",
                       "{\"rules\": [{\"id\": \"t.said\", \"unattributed\": true,\n"
                       "  \"pattern\": \"(?P<content>.+)고 (?P<cue>{CUE_T})했다\"}]}");
    Result<RulePack> r = RulePack::FromFiles(files, "pack");
    REQUIRE(r.ok());
    REQUIRE(r->data().attribution_rules.size() == 1);
    CHECK(r->data().attribution_rules[0].re->pattern() == "(?P<content>.+)고 (?P<cue>전망|전)했다");
  }
  SUBCASE("a captured cue with no stem in the lexicon") {
    Files files = base;
    files.emplace_back("claims/a.json",
                       "{\"rules\": [{\"id\": \"t.said\", \"unattributed\": true,\n"
                       "  \"pattern\": \"(?P<content>.+)고 (?P<cue>{CUE_T}|밝)혔다\"}]}");
    CHECK(LoadErrors(files) ==
          "pack/claims/a.json:2:3: error: cue \"밝\" is not in claims/cues.tsv (no stem of it is) [t.said]\n");
  }
  SUBCASE("a file may not define what the lexicon builds") {
    Files files = base;
    files.emplace_back("claims/a.json", "{\"defines\": {\"CUE_T\": \"x\"}, \"rules\": []}");
    CHECK(LoadErrors(files) ==
          "pack/claims/a.json:1:1: error: define {CUE_T} is built from claims/cues.tsv; remove it from \"defines\"\n");
  }
}

TEST_CASE("rules check warns of a cue that no attribution rule can capture") {
  // (A cue of the claims grammar, tagged ko-verb, is read there: no warning.)
  const Files files = {{"ko/particles.txt", kParticles},
                       {"claims/cues.tsv",
                        "# cues\n말\t말하다\tasserted\tfalse\n밝\t밝히다\tasserted\tfalse\n설명\t설명하다\tasserted\tfalse\tko-verb\n"},
                       {"claims/a.json", "{\"rules\": [{\"id\": \"t.said\", \"unattributed\": true,\n"
                                         "  \"pattern\": \"(?P<content>.+)고 (?P<cue>말)했다\"}]}"}};
  Result<RulePack> r = RulePack::FromFiles(files, "pack");
  REQUIRE(r.ok());
  CHECK(CheckWarnings(*r) == std::vector<std::string>{
                                 "pack/claims/cues.tsv:3:1: warning: cue \"밝\" (밝히다) is captured by no "
                                 "attribution rule's (?P<cue>…) group"});
  CHECK(CheckWarnings(testing::BuiltInRules()).empty());
}

TEST_CASE("relation types are declared by the pack, and a rule may use only those") {
  const Files files = {{"ko/particles.txt", kParticles},
                       {"relations/types.tsv", "# types\nowns\tdirected\ta holder owns a company\nrivals\tsideways\tx\n"},
                       {"relations/r.json",
                        "{\"rules\": [{\"id\": \"r\", \"pattern\": \"(?P<a>⟦Organization⟧)의 (?P<b>⟦Organization⟧)\",\n"
                        "  \"relation\": {\"source\": \"a\", \"relation\": \"owns\", \"target\": \"b\"}},\n"
                        " {\"id\": \"s\", \"pattern\": \"(?P<a>⟦Organization⟧)와 (?P<b>⟦Organization⟧)\",\n"
                        "  \"relation\": {\"source\": \"a\", \"relation\": \"competes_with\", \"target\": \"b\"}}]}"}};
  CHECK(LoadErrors(files) ==
        "pack/relations/types.tsv:3:1: error: expected 3 tab-separated columns (relation, directed | symmetric, "
        "description)\n"
        "pack/relations/r.json:4:3: error: unknown relation \"competes_with\" (declared in relations/types.tsv: "
        "owns) [s]\n");
  const auto& types = testing::BuiltInRules().data().relation_types;
  CHECK(types.size() >= 10);
  CHECK(std::any_of(types.begin(), types.end(),
                    [](const internal::RelationType& t) { return t.name == "competes_with" && t.symmetric; }));
}

}  // namespace
}  // namespace claimgraph
