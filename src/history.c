/*
 * history.c — gaps that stay open (see history.h).
 */
#include "history.h"

#include "mem.h"

static const char *gap_key(const Need *n, const Place *area)
{
	return mem_printf("%s in %s", entity_name(&n->base), entity_name(&area->base));
}

static Table gaps_of(const World *w)
{
	Table gaps = { 0 };
	FOR_USER_MODULES(w, m) {
		for (size_t i = 0; i < m->needs.len; i++) {
			const Need *n = VEC_AT(m->needs, Need, i);
			for (size_t c = 0; c < n->areas.len; c++) {
				const Coverage *cov = VEC_AT(n->areas, Coverage, c);
				if (cov->status == COVER_GAP)
					table_put(&gaps, gap_key(n, cov->area), (void *)cov);
			}
		}
	}
	return gaps;
}

void history_gap_ages(World *now, const World *const *past, const long *days, size_t n, int months)
{
	/* each version's gaps once: the walk below is linear in versions x gaps */
	Table *versions = NEW_ARRAY(Table, n ? n : 1);
	for (size_t i = 0; i < n; i++)
		versions[i] = gaps_of(past[i]);
	FOR_USER_MODULES(now, m) {
		for (size_t i = 0; i < m->needs.len; i++) {
			const Need *need = VEC_AT(m->needs, Need, i);
			for (size_t c = 0; c < need->areas.len; c++) {
				const Coverage *cov = VEC_AT(need->areas, Coverage, c);
				if (cov->status != COVER_GAP)
					continue;
				const char *key = gap_key(need, cov->area);
				size_t first = n;
				while (first > 0 && table_get(&versions[first - 1], key))
					first--;
				if (first == n)
					continue; /* not a gap in the last commit: new since */
				long open = m->eval_day - days[first];
				if (open <= (long)months * 365 / 12)
					continue;
				Diagnostic *d = diag_report(now->diags, DIAG_W712, cov->loc,
							    "need '%s' has been a gap in %s '%s' since %s (%ld months)",
							    entity_name(&need->base), entity_word(&cov->area->base),
							    entity_name(&cov->area->base), date_format_days(days[first]),
							    open * 12 / 365);
				diag_note(d, (SrcLoc){ 0 }, "a gap in every commit of the plan since then (%zu of them): "
					  "plan an action, send a signal, or accept it for a while", n - first);
			}
		}
	}
}
