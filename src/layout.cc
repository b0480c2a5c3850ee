// SPDX-License-Identifier: Apache-2.0
// Stage 6, the layout of layout.h: Fruchterman-Reingold over entities,
// claims on rings around their speakers.
#include "layout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

namespace claimgraph::internal {
namespace {

using LayoutGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Topology = boost::rectangle_topology<boost::minstd_rand>;
using Point = Topology::point_type;

double Round(double v) { return std::round(v * 10.0) / 10.0; }

}  // namespace

std::map<std::string, std::pair<double, double>> LayoutPositions(const Graph& graph) {
  // Entities, in id order, and each related pair of them once.
  std::vector<std::string> ids;
  std::map<std::string, size_t> index;
  graph.ForEachNode([&](const Node& n) {
    if (!n.is_claim) index.emplace(n.id, 0);
  });
  for (auto& [id, i] : index) {
    i = ids.size();
    ids.push_back(id);
  }
  std::set<std::pair<size_t, size_t>> pairs;
  // Each claim's anchor: its speaker, else the first entity it is about or mentions.
  std::map<std::string, std::string> anchor;
  // Edges at each entity, claims' included: the viewer's overview shows
  // the entities with the most, so they are all among those laid out.
  std::vector<size_t> degree(ids.size(), 0);
  graph.ForEachEdge([&](const Edge& e) {
    const auto s = index.find(e.source), t = index.find(e.target);
    if (s != index.end()) ++degree[s->second];
    if (t != index.end()) ++degree[t->second];
    if (s != index.end() && t != index.end() && s->second != t->second) {
      pairs.insert(std::minmax(s->second, t->second));
    } else if (s != index.end() && e.relation == "asserts") {
      anchor[e.target] = e.source;  // (a claim has one speaker)
    } else if (t != index.end() && s == index.end()) {
      anchor.emplace(e.source, e.target);  // about, mentions: the first in edge order
    }
  });

  // The force layout runs over the kForced entities with the most edges
  // (its cost grows with the square of the nodes that crowd together);
  // every other entity sits on a ring around its most connected neighbour
  // among those, like a claim around its speaker.
  constexpr size_t kForced = 600;
  std::vector<size_t> order(ids.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return degree[a] > degree[b]; });
  std::vector<size_t> slot(ids.size(), SIZE_MAX);  // index in the forced layout, or SIZE_MAX
  const size_t forced = std::min(kForced, ids.size());
  for (size_t k = 0; k < forced; ++k) slot[order[k]] = k;
  LayoutGraph g(forced);
  for (const auto& [a, b] : pairs) {
    if (slot[a] != SIZE_MAX && slot[b] != SIZE_MAX) boost::add_edge(slot[a], slot[b], g);
  }

  // The square grows with the number of entities laid out, so that density
  // (and the distance the forces settle at) stays about the same.
  const double n = static_cast<double>(std::max<size_t>(forced, 1));
  const double half = 40.0 * std::sqrt(n) + 100.0;
  std::vector<Point> positions(forced);
  auto position = boost::make_iterator_property_map(positions.begin(), boost::get(boost::vertex_index, g));
  boost::minstd_rand seed(20251207u);
  const Topology topology(seed, -half, -half, half, half);
  if (forced > 0) {
    boost::random_graph_layout(g, position, topology);
    boost::fruchterman_reingold_force_directed_layout(g, position, topology,
                                                      boost::cooling(boost::linear_cooling<double>(80)));
  }

  std::map<std::string, std::pair<double, double>> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (slot[i] != SIZE_MAX) out[ids[i]] = {Round(positions[slot[i]][0]), Round(positions[slot[i]][1])};
  }
  // Rings: twelve to a ring, each ring farther out and turned half a step;
  // what has no anchor goes in rows below everything.
  std::map<std::string, int> ring;  // nodes placed around each anchor so far
  int loose = 0;
  auto place = [&](const std::string& id, const std::string* around) {
    if (around == nullptr) {
      out[id] = {Round(-half + 130.0 * (loose % 40)), Round(half + 80.0 + 50.0 * (loose / 40))};
      ++loose;
      return;
    }
    const auto [x, y] = out.at(*around);
    const int k = ring[*around]++;
    const double radius = 70.0 + 45.0 * (k / 12);
    const double angle = 2.0 * M_PI * (k % 12) / 12.0 + (k / 12 % 2 ? M_PI / 12.0 : 0.0);
    out[id] = {Round(x + radius * std::cos(angle)), Round(y + radius * std::sin(angle))};
  };
  // The other entities, most connected first, around their best-connected
  // laid-out neighbour (ties: the smaller id).
  std::vector<size_t> best(ids.size(), SIZE_MAX);
  for (const auto& [a, b] : pairs) {
    for (auto [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
      if (slot[from] != SIZE_MAX || slot[to] == SIZE_MAX) continue;
      if (best[from] == SIZE_MAX || degree[to] > degree[best[from]]) best[from] = to;
    }
  }
  for (size_t k = forced; k < order.size(); ++k) {
    const size_t i = order[k];
    place(ids[i], best[i] == SIZE_MAX ? nullptr : &ids[best[i]]);
  }
  graph.ForEachNode([&](const Node& c) {
    if (!c.is_claim) return;
    const auto a = anchor.find(c.id);
    place(c.id, a == anchor.end() ? nullptr : &a->second);
  });
  return out;
}

}  // namespace claimgraph::internal
