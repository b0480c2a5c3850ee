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
  // Entities, in id order, and each related pair once.
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
  graph.ForEachEdge([&](const Edge& e) {
    const auto s = index.find(e.source), t = index.find(e.target);
    if (s != index.end() && t != index.end() && s->second != t->second) {
      pairs.insert(std::minmax(s->second, t->second));
    } else if (s != index.end() && e.relation == "asserts") {
      anchor[e.target] = e.source;  // (a claim has one speaker)
    } else if (t != index.end() && s == index.end()) {
      anchor.emplace(e.source, e.target);  // about, mentions: the first in edge order
    }
  });
  LayoutGraph g(ids.size());
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, g);

  // The square grows with the number of entities, so that density (and the
  // distance the forces settle at) stays about the same.
  const double n = static_cast<double>(std::max<size_t>(ids.size(), 1));
  const double half = 40.0 * std::sqrt(n) + 100.0;
  std::vector<Point> positions(ids.size());
  auto position = boost::make_iterator_property_map(positions.begin(), boost::get(boost::vertex_index, g));
  boost::minstd_rand seed(20251207u);
  const Topology topology(seed, -half, -half, half, half);
  if (!ids.empty()) {
    boost::random_graph_layout(g, position, topology);
    boost::fruchterman_reingold_force_directed_layout(
        g, position, topology, boost::cooling(boost::linear_cooling<double>(ids.size() > 5000 ? 60 : 120)));
  }

  std::map<std::string, std::pair<double, double>> out;
  for (size_t i = 0; i < ids.size(); ++i) out[ids[i]] = {Round(positions[i][0]), Round(positions[i][1])};
  // Claims on rings around their anchors, in id order; claims anchored
  // nowhere in a row below everything.
  std::map<std::string, int> ring;  // claims placed around each anchor so far
  int loose = 0;
  graph.ForEachNode([&](const Node& c) {
    if (!c.is_claim) return;
    const auto a = anchor.find(c.id);
    if (a == anchor.end()) {
      out[c.id] = {Round(-half + 130.0 * (loose % 40)), Round(half + 80.0 + 50.0 * (loose / 40))};
      ++loose;
      return;
    }
    const auto [x, y] = out.at(a->second);
    const int k = ring[a->second]++;
    // Twelve to a ring, each ring farther out and turned half a step.
    const double radius = 70.0 + 45.0 * (k / 12);
    const double angle = 2.0 * M_PI * (k % 12) / 12.0 + (k / 12 % 2 ? M_PI / 12.0 : 0.0);
    out[c.id] = {Round(x + radius * std::cos(angle)), Round(y + radius * std::sin(angle))};
  });
  return out;
}

}  // namespace claimgraph::internal
