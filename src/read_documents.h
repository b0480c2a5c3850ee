// SPDX-License-Identifier: Apache-2.0
// Stage 0, read documents: what the pipeline asks of a document before it
// extracts. Reading itself is public (claimgraph/document.h).
#ifndef CLAIMGRAPH_READ_DOCUMENTS_H_
#define CLAIMGRAPH_READ_DOCUMENTS_H_

#include "claimgraph/document.h"
#include "claimgraph/status.h"

namespace claimgraph::internal {

// kInvalidUtf8 (naming the document and the byte) when `doc`'s text is not
// valid UTF-8; the one check a run makes of a document it did not read
// itself.
Status CheckText(const Document& doc);

}  // namespace claimgraph::internal

#endif  // CLAIMGRAPH_READ_DOCUMENTS_H_
