// SPDX-License-Identifier: Apache-2.0
// Umbrella header: the whole public API except the opt-in Boost view.
#ifndef CLAIMGRAPH_CLAIMGRAPH_CLAIMGRAPH_H_
#define CLAIMGRAPH_CLAIMGRAPH_CLAIMGRAPH_H_

#include "claimgraph/document.h"
#include "claimgraph/extraction.h"
#include "claimgraph/graph.h"
#include "claimgraph/io.h"
#include "claimgraph/pipeline.h"
#include "claimgraph/query.h"
#include "claimgraph/rule_tools.h"
#include "claimgraph/rules.h"
#include "claimgraph/status.h"
#include "claimgraph/version.h"

#endif  // CLAIMGRAPH_CLAIMGRAPH_CLAIMGRAPH_H_
