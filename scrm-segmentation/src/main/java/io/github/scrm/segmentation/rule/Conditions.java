package io.github.scrm.segmentation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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

  /**
   * Null when {@code value} can be a number literal, else why not. Numbers are compared as doubles, so a literal
   * beyond their range (or so close to zero that it reads as zero) would silently mean infinity or zero; and a JSON
   * number such as {@code 1e999999999} must never be written out digit by digit in a message or an explanation.
   */
  static String numberOutOfRange(BigDecimal value, String written) {
    double d = value.doubleValue();
    if (!Double.isInfinite(d) && (d != 0 || value.signum() == 0)) {
      return null;
    }
    String shown = written.length() > 60 ? written.substring(0, 57) + "..." : written;
    return "a number must lie within the range of doubles (at most about 1.8E308 and, unless it is 0, at least about "
        + "4.9E-324 in size), but was " + shown;
  }

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
