package io.github.scrm.segmentation.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.rule.Expression.ArithmeticOp;
import io.github.scrm.segmentation.rule.Expression.CompareOp;
import io.github.scrm.segmentation.rule.Expression.SetOp;
import io.github.scrm.segmentation.rule.ParsedCondition.Position;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON tree form of conditions: {@code {"var": "orders.count"}} is an attribute, numbers, strings and booleans are
 * literals, {@code {"money": "300.00 CNY"}}, {@code {"duration": "90d"}} and {@code {"set": [..]}} are the other
 * literals, and every operator or function is an object with one key and an array of operands:
 * {@code {">=": [{"var": "orders.count"}, 10]}}, {@code {"and": [..]}}, {@code {"not": [..]}},
 * {@code {"between": [v, low, high]}}, {@code {"in": [v, set]}}, {@code {"notIn": [v, set]}},
 * {@code {"contains": [set, x]}}, {@code {"hasTag": ["vip"]}}; {@code {"-": [x]}} with one operand is unary minus.
 */
final class JsonConditions {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final List<Problem> problems = new ArrayList<>();
  private final Map<Expression, Position> positions = new IdentityHashMap<>();
  private int depth;

  static ParsedCondition read(JsonNode node, String pointer) {
    JsonConditions reader = new JsonConditions();
    Expression e = reader.node(node, pointer);
    Optional<Expression> result = reader.problems.isEmpty() && e != null ? Optional.of(e) : Optional.empty();
    return new ParsedCondition(result, reader.positions, reader.problems, new Position(pointer, 0, 0));
  }

  private Expression node(JsonNode n, String at) {
    if (++depth > ExpressionParser.MAX_DEPTH) {
      depth--;
      problems.add(Problem.at("limit", at, "condition nests deeper than " + ExpressionParser.MAX_DEPTH + " levels"));
      return null;
    }
    try {
      return put(at, parse(n, at));
    } finally {
      depth--;
    }
  }

  private Expression put(String at, Expression e) {
    if (e != null) {
      positions.put(e, new Position(at, 0, 0));
    }
    return e;
  }

  private Expression parse(JsonNode n, String at) {
    if (n.isNumber()) {
      String outOfRange = Conditions.numberOutOfRange(n.decimalValue(), n.decimalValue().toString());
      if (outOfRange != null) {
        problems.add(Problem.at("syntax", at, outOfRange));
        return null;
      }
      return new Expression.NumberLiteral(n.decimalValue());
    }
    if (n.isTextual()) {
      return new Expression.StringLiteral(n.textValue());
    }
    if (n.isBoolean()) {
      return new Expression.BooleanLiteral(n.booleanValue());
    }
    if (!n.isObject() || n.size() != 1) {
      problems.add(Problem.at("syntax", at,
          "a condition node must be a literal or an object with exactly one operator key, but was " + describe(n)));
      return null;
    }
    String key = n.fieldNames().next();
    JsonNode value = n.get(key);
    String here = at + "/" + escape(key);
    switch (key) {
      case "var":
        if (!value.isTextual()) {
          problems.add(Problem.at("syntax", here, "'var' takes an attribute name, but was " + describe(value)));
          return null;
        }
        return new Expression.Attribute(value.textValue());
      case "money":
        return money(value, here);
      case "duration":
        return duration(value, here);
      case "set":
        List<Expression> elements = operands(value, here);
        // an element that could not be read has its problem already; it must not reach the set as a null
        return elements.contains(null) ? null : new Expression.SetLiteral(elements);
      default:
        break;
    }
    List<Expression> args = operands(value, here);
    if (args.contains(null)) {
      return null;
    }
    for (CompareOp op : CompareOp.values()) {
      if (op.symbol().equals(key) || (op == CompareOp.EQ && key.equals("="))) {
        return arity(args, 2, key, here) ? new Expression.Compare(op, args.get(0), args.get(1)) : null;
      }
    }
    if (key.equals(ArithmeticOp.SUB.symbol()) && args.size() == 1) {
      return new Expression.Negate(args.get(0));
    }
    for (ArithmeticOp op : ArithmeticOp.values()) {
      if (op.symbol().equals(key)) {
        return arity(args, 2, key, here) ? new Expression.Arithmetic(op, args.get(0), args.get(1)) : null;
      }
    }
    for (SetOp op : SetOp.values()) {
      if (op.keyword().equals(key)) {
        return arity(args, 2, key, here) ? new Expression.SetTest(op, args.get(0), args.get(1)) : null;
      }
    }
    return switch (key) {
      case "and" -> atLeastTwo(args, key, here) ? new Expression.And(args) : null;
      case "or" -> atLeastTwo(args, key, here) ? new Expression.Or(args) : null;
      case "not" -> arity(args, 1, key, here) ? new Expression.Not(args.get(0)) : null;
      case "between" -> arity(args, 3, key, here) ? new Expression.Between(args.get(0), args.get(1), args.get(2)) : null;
      case "in" -> arity(args, 2, key, here) ? new Expression.In(args.get(0), args.get(1), false) : null;
      case "notIn" -> arity(args, 2, key, here) ? new Expression.In(args.get(0), args.get(1), true) : null;
      default -> new Expression.Call(key, args);
    };
  }

  private List<Expression> operands(JsonNode value, String at) {
    List<Expression> out = new ArrayList<>();
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        out.add(node(value.get(i), at + "/" + i));
      }
    } else {
      out.add(node(value, at));
    }
    return out;
  }

  private boolean arity(List<Expression> args, int n, String key, String at) {
    if (args.size() != n) {
      problems.add(Problem.at("arity", at, "'" + key + "' takes " + n + " operands, but had " + args.size()));
      return false;
    }
    return true;
  }

  private boolean atLeastTwo(List<Expression> args, String key, String at) {
    if (args.size() < 2) {
      problems.add(Problem.at("arity", at, "'" + key + "' takes at least 2 operands, but had " + args.size()));
      return false;
    }
    return true;
  }

  private Expression money(JsonNode value, String at) {
    ParsedCondition p = value.isTextual() ? ExpressionParser.parse(value.textValue(), at) : null;
    if (p != null && p.expression().orElse(null) instanceof Expression.MoneyLiteral m) {
      return m;
    }
    problems.add(Problem.at("syntax", at, "'money' takes an amount such as \"300.00 CNY\" or \"¥300\", but was "
        + describe(value) + because(p)));
    return null;
  }

  private Expression duration(JsonNode value, String at) {
    ParsedCondition p = value.isTextual() ? ExpressionParser.parse(value.textValue(), at) : null;
    if (p != null && p.expression().orElse(null) instanceof Expression.DurationLiteral d) {
      return d;
    }
    problems.add(Problem.at("syntax", at, "'duration' takes a text such as \"90d\", \"12h\" or \"2w\", but was "
        + describe(value) + because(p)));
    return null;
  }

  /** What was wrong with a literal's text, such as an amount or a duration out of range; empty if nothing. */
  static String because(ParsedCondition p) {
    return p == null || p.problems().isEmpty() ? "" : ": " + p.problems().get(0).message();
  }

  /** The JSON tree form of {@code e}. */
  static JsonNode write(Expression e) {
    if (e instanceof Expression.NumberLiteral n) {
      return F.numberNode(n.value());
    } else if (e instanceof Expression.StringLiteral s) {
      return F.textNode(s.value());
    } else if (e instanceof Expression.BooleanLiteral b) {
      return F.booleanNode(b.value());
    } else if (e instanceof Expression.MoneyLiteral m) {
      return single("money", F.textNode(moneyText(m.value())));
    } else if (e instanceof Expression.DurationLiteral d) {
      return single("duration", F.textNode(d.toString()));
    } else if (e instanceof Expression.SetLiteral s) {
      return single("set", array(s.elements()));
    } else if (e instanceof Expression.Attribute a) {
      return single("var", F.textNode(a.name()));
    } else if (e instanceof Expression.Compare c) {
      return single(c.op().symbol(), array(List.of(c.left(), c.right())));
    } else if (e instanceof Expression.Between b) {
      return single("between", array(List.of(b.value(), b.low(), b.high())));
    } else if (e instanceof Expression.In in) {
      return single(in.negated() ? "notIn" : "in", array(List.of(in.value(), in.set())));
    } else if (e instanceof Expression.SetTest s) {
      return single(s.op().keyword(), array(List.of(s.set(), s.operand())));
    } else if (e instanceof Expression.And a) {
      return single("and", array(a.operands()));
    } else if (e instanceof Expression.Or o) {
      return single("or", array(o.operands()));
    } else if (e instanceof Expression.Not n) {
      return single("not", array(List.of(n.operand())));
    } else if (e instanceof Expression.Arithmetic a) {
      return single(a.op().symbol(), array(List.of(a.left(), a.right())));
    } else if (e instanceof Expression.Negate n) {
      return single(ArithmeticOp.SUB.symbol(), array(List.of(n.operand())));
    } else {
      Expression.Call c = (Expression.Call) e;
      return single(c.function(), array(c.arguments()));
    }
  }

  private static String moneyText(Money m) {
    return m.toMajor().toPlainString() + " " + m.currency().getCurrencyCode();
  }

  private static ObjectNode single(String key, JsonNode value) {
    ObjectNode o = F.objectNode();
    o.set(key, value);
    return o;
  }

  private static ArrayNode array(List<Expression> items) {
    ArrayNode a = F.arrayNode();
    items.forEach(i -> a.add(write(i)));
    return a;
  }

  static String describe(JsonNode n) {
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
