/*
 * analysis.c — the order of the analyses (see analysis.h).
 */
#include "analysis.h"

#include "metric.h"

void analysis_run(World *w)
{
	escalate_prepare(w);
	escalate_route_signals(w);
	coverage_compute(w);
	impact_compute(w);
	metric_check(w);
	checks_run(w);
}
