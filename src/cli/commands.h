// SPDX-License-Identifier: Apache-2.0
// The CLI verbs. Each takes the arguments after the verb and returns the
// process exit code; none calls exit().
#ifndef CLAIMGRAPH_CLI_COMMANDS_H_
#define CLAIMGRAPH_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace claimgraph::cli {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

int BuildCommand(const std::vector<std::string>& args);
int ExtractCommand(const std::vector<std::string>& args);
int MergeCommand(const std::vector<std::string>& args);
int QueryCommand(const std::vector<std::string>& args);
int RulesCommand(const std::vector<std::string>& args);
int ExplainCommand(const std::vector<std::string>& args);
int EvalCommand(const std::vector<std::string>& args);

}  // namespace claimgraph::cli

#endif  // CLAIMGRAPH_CLI_COMMANDS_H_
