package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.segmentation.rule.RuleDefinition;

/** One rule of a compiled plan: its definition, its root node and what it reads. */
record CompiledRule(
    RuleDefinition definition, int index, BoolNode root, ImmutableSet<String> attributes,
    ImmutableSet<String> references, boolean timeRelative) {

  String id() {
    return definition.id();
  }
}
