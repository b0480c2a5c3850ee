// SPDX-License-Identifier: Apache-2.0
// Stage 3c, match particles: the token-boundary test every mention passes.
// A name may be followed by a Korean particle (josa) or particle chain
// ("알리바바는", "오픈AI와의", "구글에서도"), but not by other Hangul
// ("메타버스" is not Meta, "구글링" is not Google), and a Latin or digit
// name may not continue into more Latin, digits or a hyphenated part
// ("Qwen3" in "Qwen3-Coder").
#ifndef CLAIMGRAPH_MATCH_PARTICLES_H_
#define CLAIMGRAPH_MATCH_PARTICLES_H_

#include <string>
#include <string_view>

namespace claimgraph::internal {

struct ParticleSet;

// Checks the left boundary of a name starting at byte `begin` of `text`
// (`floor` is the first byte it may look at). Returns "" if acceptable, or
// the reason it is not.
std::string CheckLeftBoundary(std::string_view text, size_t floor, size_t begin);
// The same without allocating: null if acceptable, or the reason.
const char* LeftBoundaryProblem(std::string_view text, size_t floor, size_t begin);

// Checks the right boundary of a name ending at byte `end`, reading at most
// up to `limit`. On success returns "" and sets `particle` (possibly empty);
// otherwise returns the reason.
std::string CheckRightBoundary(std::string_view text, size_t end, size_t limit,
                               const ParticleSet& particles, std::string* particle);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_MATCH_PARTICLES_H_
