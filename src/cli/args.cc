// SPDX-License-Identifier: Apache-2.0
// Argument parsing shared by the verbs.
#include "args.h"

#include <cstdio>

namespace claimgraph::cli {

std::optional<std::string> ParseArgs(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                                     const std::set<std::string>& switches,
                                     const std::map<std::string, std::string>& aliases, ParsedArgs* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "-h" || a == "--help") {
      out->help = true;
      continue;
    }
    if (a == "--") {
      for (++i; i < args.size(); ++i) out->positionals.push_back(args[i]);
      break;
    }
    std::string inline_value;
    bool has_inline = false;
    if (a.rfind("--", 0) == 0 && a.find('=') != std::string::npos) {
      inline_value = a.substr(a.find('=') + 1);
      a = a.substr(0, a.find('='));
      has_inline = true;
    }
    // A short option with its value attached: -j4, -oout.json.
    if (!has_inline && a.size() > 2 && a[0] == '-' && a[1] != '-') {
      const auto short_alias = aliases.find(a.substr(0, 2));
      if (short_alias != aliases.end() && with_value.count(short_alias->second)) {
        inline_value = a.substr(2);
        a = a.substr(0, 2);
        has_inline = true;
      }
    }
    const auto alias = aliases.find(a);
    if (alias != aliases.end()) a = alias->second;
    if (with_value.count(a)) {
      if (has_inline) {
        out->values[a].push_back(inline_value);
      } else if (i + 1 < args.size()) {
        out->values[a].push_back(args[++i]);
      } else {
        return "option " + a + " needs a value";
      }
    } else if (switches.count(a) && !has_inline) {
      out->flags.insert(a);
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option \"" + args[i] + "\"";
    } else {
      out->positionals.push_back(args[i]);
    }
  }
  return std::nullopt;
}

std::optional<int> ParseCount(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;  // (nine digits fit an int; callers check the range)
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace claimgraph::cli
