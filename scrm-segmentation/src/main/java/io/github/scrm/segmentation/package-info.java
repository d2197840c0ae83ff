/**
 * The tagging rule engine. Start at {@link io.github.scrm.segmentation.Segmentation#builder()}: it validates rule-set
 * documents (every problem at once, with its location), compiles them into a {@link
 * io.github.scrm.segmentation.CompiledRuleSet} and keeps the active one. A compiled rule set tags profiles given as
 * {@link io.github.scrm.core.attribute.AttributeValues}, explains its decisions, re-evaluates incrementally, runs
 * batches over a {@link io.github.scrm.segmentation.ProfileTable} and diffs versions.
 */
@NullMarked
package io.github.scrm.segmentation;

import org.jspecify.annotations.NullMarked;
