/*
 * bind.h — resolving the names each declaration uses, once every file is
 * read, and linking the model: needs to their areas and actions, actions
 * to their lead, signals to their need and target, answers to signals.
 */
#ifndef CARENET_BIND_H
#define CARENET_BIND_H

#include "model.h"

/* Resolve the recorded names of every declaration of every module. */
void bind_world(World *w);

#endif
