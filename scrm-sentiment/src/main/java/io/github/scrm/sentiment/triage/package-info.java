/**
 * The negative-comment priority queue: {@link io.github.scrm.sentiment.triage.TriageQueue} takes
 * {@link io.github.scrm.sentiment.triage.Comment}s as they arrive, groups complaints into issue clusters, ranks open
 * comments by a documented priority function ({@link io.github.scrm.sentiment.triage.PriorityWeights}) and explains
 * each rank with human-readable reasons.
 */
@org.jspecify.annotations.NullMarked
@io.github.scrm.core.ScrmStyle
package io.github.scrm.sentiment.triage;
