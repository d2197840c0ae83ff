package io.github.scrm.segmentation.rule;

import java.time.Duration;
import java.util.Optional;

/**
 * One named rule of a rule set as written in its document.
 *
 * @param id the tag or segment name, unique in the rule set ({@code price_sensitive}, {@code 重要价值})
 * @param kind tag or segment
 * @param description what the rule means, for operators
 * @param owner who maintains the rule
 * @param ttl for tags: how long the tag stays after the rule last matched, empty for "until it stops matching"
 * @param priority higher first when tags are listed; ties keep document order
 * @param condition the condition as read, with its positions and reading problems
 * @param pointer JSON pointer of the rule in its document ({@code /rules/3})
 */
public record RuleDefinition(
    String id,
    RuleKind kind,
    String description,
    String owner,
    Optional<Duration> ttl,
    int priority,
    ParsedCondition condition,
    String pointer) {

  /** A tag rule from expression text, for rule sets built in code. */
  public static RuleDefinition tag(String id, String expression) {
    return new RuleDefinition(id, RuleKind.TAG, "", "", Optional.empty(), 0, Conditions.parse(expression), "");
  }

  /** A segment rule from expression text, for rule sets built in code. */
  public static RuleDefinition segment(String id, String expression) {
    return new RuleDefinition(id, RuleKind.SEGMENT, "", "", Optional.empty(), 0, Conditions.parse(expression), "");
  }
}
