/*
 * hover.h — what an editor shows about a name under the pointer: the
 * declaration it means, and what the analyses found about it (a need's
 * coverage per area and the bodies its signals reach, an indicator's
 * progress and status, a municipality's zone and where that fact comes
 * from).  Markdown, built from the phrases the reports use (report.h).
 */
#ifndef CARENET_HOVER_H
#define CARENET_HOVER_H

#include "query.h"

/* The text for a hit (query_at); NULL when there is nothing to say. */
const char *hover_text(World *w, const QueryHit *hit);

#endif
