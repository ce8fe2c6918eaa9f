/*
 * metric.h — shared indicator definitions: an indicator that names a
 * `metric` takes its unit from it, and its figures are held against the
 * metric's scale and direction.
 */
#ifndef CARENET_METRIC_H
#define CARENET_METRIC_H

#include "model.h"

/* Resolve an indicator's `metric NAME` from module m (E401 when unknown);
   the indicator takes the metric's unit, or says one that differs (E511). */
void metric_bind(World *w, Module *m, Indicator *ind);
/* After impact.c: figures outside the metric's scale (W805), a target that
   moves against the metric's direction (W806). */
void metric_check(World *w);

#endif
