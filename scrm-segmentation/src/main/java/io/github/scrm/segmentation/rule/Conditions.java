package io.github.scrm.segmentation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Reads and writes conditions in their two forms. Reading never throws for bad input: problems come back in the
 * {@link ParsedCondition} with their line and column (expression text) or JSON pointer (tree form).
 */
public final class Conditions {

  /**
   * At most this many nodes (literals, attributes, operators, calls, set elements) in one condition. Reading stops
   * with a {@code limit} problem as soon as a condition grows past it, so hostile text can neither exhaust the stack
   * nor make validation slow.
   */
  public static final int MAX_NODES = 400;

  /**
   * The longest duration a rule may hold, in {@code withinLast} or as a {@code ttl}: 36,500 days (about 100 years,
   * {@code 36500d}, {@code 876000h}, {@code 5214w}). A longer one is a problem at its location, so no duration can
   * overflow when it is added to an instant or turned into milliseconds.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(36_500);

  private Conditions() {}

  /** Parses expression text such as {@code orders.count >= 10 and hasTag('vip')}. */
  public static ParsedCondition parse(String text) {
    return ExpressionParser.parse(text, "");
  }

  /** Parses expression text found at {@code pointer} in a document (problems carry that pointer). */
  public static ParsedCondition parse(String text, String pointer) {
    return ExpressionParser.parse(text, pointer);
  }

  /** Reads the JSON tree form found at {@code pointer} in a document. */
  public static ParsedCondition fromJson(JsonNode node, String pointer) {
    return JsonConditions.read(node, pointer);
  }

  /** The JSON tree form of {@code expression}. */
  public static JsonNode toJson(Expression expression) {
    return JsonConditions.write(expression);
  }

  /** Expression text that parses back to an equal tree. */
  public static String toText(Expression expression) {
    return expression.toString();
  }
}
