// SPDX-License-Identifier: Apache-2.0
// Command-line arguments, in two phases (ripgrep's lowargs/hiargs): Parse
// splits argv into options and positionals and reports usage errors; each
// command then resolves them (opens files, loads rules) before any work.
#ifndef CLAIMGRAPH_CLI_ARGS_H_
#define CLAIMGRAPH_CLI_ARGS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace claimgraph::cli {

struct ParsedArgs {
  std::vector<std::string> positionals;
  std::map<std::string, std::vector<std::string>> values;  // --flag VALUE, in order
  std::set<std::string> flags;                // --switch
  bool help = false;

  bool Has(const std::string& name) const { return flags.count(name) || values.count(name); }
  std::string Value(const std::string& name, const std::string& fallback = "") const {
    const auto it = values.find(name);
    return it == values.end() ? fallback : it->second.back();
  }
};

// Parses `args`. `with_value` lists options that take a value (aliases
// such as "-o" map to their long name through `aliases`), `switches` the
// ones that do not. Returns a usage error message, or nullopt.
std::optional<std::string> ParseArgs(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                                     const std::set<std::string>& switches,
                                     const std::map<std::string, std::string>& aliases, ParsedArgs* out);

// Parses a non-negative integer option value; nullopt if it is not one.
std::optional<int> ParseCount(const std::string& text);

// Escapes `s` as a JSON string literal, with the quotes.
std::string JsonString(const std::string& s);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_ARGS_H_
