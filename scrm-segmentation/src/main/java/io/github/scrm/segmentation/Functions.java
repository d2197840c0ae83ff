package io.github.scrm.segmentation;

import io.github.scrm.segmentation.rule.Expression;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The functions of the expression language and their signatures. The set is closed: rule text cannot name anything
 * else, so there is no path from a rule to reflection, class loading or host code.
 */
final class Functions {

  /** Name to the signature shown in error messages. */
  static final Map<String, String> SIGNATURES = Map.of(
      "hasTag", "hasTag('tag')",
      "inSegment", "inSegment('rule id')",
      "daysSince", "daysSince(instant attribute)",
      "withinLast", "withinLast(instant attribute, 90d)",
      "birthdayWithin", "birthdayWithin(days)",
      "birthdayThisMonth", "birthdayThisMonth()",
      "startsWith", "startsWith(string attribute, 'prefix')",
      "present", "present(attribute)");

  private Functions() {}

  static Type check(Expression.Call call, Checker c) {
    String signature = SIGNATURES.get(call.function());
    List<Expression> args = call.arguments();
    if (signature == null) {
      args.forEach(c::typeOf);
      String near = SIGNATURES.keySet().stream()
          .filter(n -> Checker.distance(n.toLowerCase(), call.function().toLowerCase()) <= 2).findFirst()
          .map(n -> " (did you mean '" + n + "'?)").orElse("");
      return c.error(call, "unknown-function", "unknown function '" + call.function() + "'" + near
          + "; functions are " + SIGNATURES.values());
    }
    int arity = signature.endsWith("()") ? 0 : signature.split(",").length;
    if (args.size() != arity) {
      args.forEach(c::typeOf);
      return c.error(call, "arity", "'" + call.function() + "' takes " + arity + " argument" + (arity == 1 ? "" : "s")
          + " as in " + signature + ", but had " + args.size());
    }
    List<Type> types = args.stream().map(c::typeOf).toList();
    if (types.contains(Type.ERROR)) {
      return resultOf(call.function());
    }
    switch (call.function()) {
      case "hasTag":
        return args.get(0) instanceof Expression.StringLiteral ? Type.BOOL : wrong(call, c, signature);
      case "inSegment":
        if (!(args.get(0) instanceof Expression.StringLiteral s)) {
          return wrong(call, c, signature);
        }
        if (!c.ruleExists(s.value())) {
          return c.error(call, "unknown-rule", "inSegment refers to '" + s.value() + "', which is not a rule of this set");
        }
        c.reference(s.value());
        return Type.BOOL;
      case "daysSince":
        return Checker.isAttribute(args.get(0)) && types.get(0) == Type.INSTANT ? Type.NUMBER : wrong(call, c, signature);
      case "withinLast":
        return Checker.isAttribute(args.get(0)) && types.get(0) == Type.INSTANT
            && args.get(1) instanceof Expression.DurationLiteral ? Type.BOOL : wrong(call, c, signature);
      case "birthdayWithin":
        if (args.get(0) instanceof Expression.NumberLiteral n && n.value().compareTo(BigDecimal.ZERO) >= 0
            && n.value().compareTo(BigDecimal.valueOf(366)) <= 0 && n.value().stripTrailingZeros().scale() <= 0) {
          return Type.BOOL;
        }
        return c.error(call, "bad-argument", "birthdayWithin takes a whole number of days from 0 to 366, but was "
            + args.get(0));
      case "birthdayThisMonth":
        return Type.BOOL;
      case "startsWith":
        return Checker.isAttribute(args.get(0)) && types.get(0) == Type.STRING
            && args.get(1) instanceof Expression.StringLiteral ? Type.BOOL : wrong(call, c, signature);
      case "present":
        return Checker.isAttribute(args.get(0)) ? Type.BOOL : wrong(call, c, signature);
      default:
        throw new IllegalStateException("function without a check: " + call.function());
    }
  }

  private static Type resultOf(String function) {
    return function.equals("daysSince") ? Type.NUMBER : Type.BOOL;
  }

  private static Type wrong(Expression.Call call, Checker c, String signature) {
    return c.error(call, "type-mismatch", "'" + call.function() + "' is called as " + signature + ", but was '"
        + call + "'");
  }
}
