package io.fastsync.push;

import java.util.List;

/** The decisions for one type's objects of a push, in push order. */
record TypeDecisions<T>(TypeBatch<T> batch, List<ObjectDecision<T>> objects) {}
