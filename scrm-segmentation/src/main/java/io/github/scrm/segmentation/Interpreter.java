package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.rule.Expression;
import io.github.scrm.segmentation.rule.RuleDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A direct tree-walking interpreter over the rule model and {@link AttributeValues}: slow and simple. It is the
 * reference the compiled plan is tested against, and it builds explanation trees with every value it saw.
 */
final class Interpreter {

  private final AttributeCatalogue catalogue;
  private final java.util.Currency currency;
  private final ZoneId zone;
  private final Instant asOf;
  private final AttributeValues values;
  private final Collection<String> extraTags;
  private final Map<String, RuleDefinition> rules;
  private final Map<String, Integer> ruleResults = new HashMap<>();

  Interpreter(AttributeCatalogue catalogue, java.util.Currency currency, ZoneId zone, Instant asOf,
      AttributeValues values, Collection<String> extraTags, List<RuleDefinition> rules) {
    this.catalogue = catalogue;
    this.currency = currency;
    this.zone = zone;
    this.asOf = asOf;
    this.values = values;
    this.extraTags = extraTags;
    this.rules = new HashMap<>();
    rules.forEach(r -> this.rules.put(r.id(), r));
  }

  /** A value seen during evaluation and the explanation of how it came about. */
  record Traced(Object value, Explanation.Node node) {}

  int rule(String id) {
    Integer known = ruleResults.get(id);
    if (known != null) {
      return known;
    }
    int r = (Integer) eval(rules.get(id).condition().expression().orElseThrow(), false).value();
    ruleResults.put(id, r);
    return r;
  }

  Traced eval(Expression e, boolean trace) {
    List<Explanation.Node> children = new ArrayList<>();
    Object v = compute(e, trace, children);
    Explanation.Node node = trace ? new Explanation.Node(text(e), show(v, e), children) : null;
    return new Traced(v, node);
  }

  private Object sub(Expression e, boolean trace, List<Explanation.Node> out) {
    Traced t = eval(e, trace);
    if (trace && !(e instanceof Expression.NumberLiteral || e instanceof Expression.StringLiteral
        || e instanceof Expression.MoneyLiteral || e instanceof Expression.SetLiteral
        || e instanceof Expression.DurationLiteral || e instanceof Expression.BooleanLiteral)) {
      out.add(t.node());
    }
    return t.value();
  }

  private Object compute(Expression e, boolean trace, List<Explanation.Node> out) {
    if (e instanceof Expression.NumberLiteral n) {
      return n.value().doubleValue();
    } else if (e instanceof Expression.MoneyLiteral m) {
      return m.value().minorUnits();
    } else if (e instanceof Expression.StringLiteral s) {
      return s.value();
    } else if (e instanceof Expression.BooleanLiteral b) {
      return b.value() ? TRUE : FALSE;
    } else if (e instanceof Expression.DurationLiteral d) {
      return d.value();
    } else if (e instanceof Expression.SetLiteral s) {
      List<Object> items = new ArrayList<>();
      s.elements().forEach(x -> items.add(compute(x, false, new ArrayList<>())));
      return items;
    } else if (e instanceof Expression.Attribute a) {
      return attribute(a.name());
    } else if (e instanceof Expression.Compare c) {
      Object l = sub(c.left(), trace, out);
      Object r = sub(c.right(), trace, out);
      return compare(l, r, c.op());
    } else if (e instanceof Expression.Between b) {
      Object v = sub(b.value(), trace, out);
      Object lo = sub(b.low(), trace, out);
      Object hi = sub(b.high(), trace, out);
      return and(List.of(compare(v, lo, Expression.CompareOp.GE), compare(v, hi, Expression.CompareOp.LE)));
    } else if (e instanceof Expression.In in) {
      Object v = sub(in.value(), trace, out);
      @SuppressWarnings("unchecked")
      List<Object> set = (List<Object>) sub(in.set(), trace, out);
      int r = v == null || (v instanceof Double d && d.isNaN()) ? UNKNOWN
          : set.stream().anyMatch(x -> v instanceof Double d ? d == (double) (Double) x : x.equals(v)) ? TRUE : FALSE;
      return in.negated() ? BoolNode.not(r) : r;
    } else if (e instanceof Expression.SetTest st) {
      @SuppressWarnings("unchecked")
      Set<String> set = (Set<String>) sub(st.set(), trace, out);
      Object operand = sub(st.operand(), trace, out);
      if (set == null) {
        return UNKNOWN;
      }
      return switch (st.op()) {
        case CONTAINS -> set.contains(operand) ? TRUE : FALSE;
        case CONTAINS_ANY -> ((List<?>) operand).stream().anyMatch(set::contains) ? TRUE : FALSE;
        case CONTAINS_ALL -> set.containsAll((List<?>) operand) ? TRUE : FALSE;
      };
    } else if (e instanceof Expression.And a) {
      List<Integer> vs = new ArrayList<>();
      a.operands().forEach(x -> vs.add((Integer) sub(x, trace, out)));
      return and(vs);
    } else if (e instanceof Expression.Or o) {
      int r = FALSE;
      for (Expression x : o.operands()) {
        int v = (Integer) sub(x, trace, out);
        r = r == TRUE || v == TRUE ? TRUE : Math.max(r, v);
      }
      return r;
    } else if (e instanceof Expression.Not n) {
      return BoolNode.not((Integer) sub(n.operand(), trace, out));
    } else if (e instanceof Expression.Arithmetic a) {
      return arithmetic(a, sub(a.left(), trace, out), sub(a.right(), trace, out));
    } else if (e instanceof Expression.Negate n) {
      Object v = sub(n.operand(), trace, out);
      return v instanceof Double d ? -d : Arith.scale((Long) v, -1);
    }
    Expression.Call c = (Expression.Call) e;
    List<Object> args = new ArrayList<>();
    c.arguments().forEach(x -> args.add(sub(x, trace, out)));
    return call(c, args);
  }

  static String text(Expression e) {
    String s = e.toString();
    boolean wrapped = e instanceof Expression.Compare || e instanceof Expression.Between || e instanceof Expression.In
        || e instanceof Expression.SetTest || e instanceof Expression.And || e instanceof Expression.Or
        || e instanceof Expression.Not || e instanceof Expression.Arithmetic || e instanceof Expression.Negate;
    return wrapped ? s.substring(1, s.length() - 1) : s;
  }

  private static int and(List<Integer> vs) {
    int r = TRUE;
    for (int v : vs) {
      r = r == FALSE || v == FALSE ? FALSE : Math.max(r, v);
    }
    return r;
  }

  private Object attribute(String name) {
    Object v = values.get(catalogue.find(name).orElseThrow());
    if (name.equals(StandardAttributes.TAGS.name()) && !extraTags.isEmpty()) {
      Set<Object> all = new HashSet<>(v == null ? Set.of() : (Set<?>) v);
      all.addAll(extraTags);
      return all;
    }
    if (v instanceof Long l) {
      return (double) l;
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (v instanceof Money m) {
      return m.currency().equals(currency) ? m.minorUnits() : Frame.ABSENT;
    }
    if (v instanceof Boolean b) {
      return b ? TRUE : FALSE;
    }
    if (v == null) {
      Type t = Type.of(catalogue.find(name).orElseThrow().type());
      if (t == Type.NUMBER) {
        return Double.NaN;
      } else if (t == Type.MONEY) {
        return Frame.ABSENT;
      } else if (t == Type.BOOL) {
        return UNKNOWN;
      }
      return null;
    }
    return v;
  }

  private static int compare(Object l, Object r, Expression.CompareOp op) {
    if (l instanceof Double x) {
      double y = (Double) r;
      return x.isNaN() || Double.isNaN(y) ? UNKNOWN : op.test(x < y ? -1 : x > y ? 1 : 0) ? TRUE : FALSE;
    }
    if (l instanceof Long x) {
      return MoneyNode.compare(x, (Long) r, op);
    }
    if (l instanceof Integer x) {
      int y = (Integer) r;
      return x == UNKNOWN || y == UNKNOWN ? UNKNOWN : (x.intValue() == y) == (op == Expression.CompareOp.EQ) ? TRUE
          : FALSE;
    }
    if (l == null || r == null) {
      return UNKNOWN;
    }
    return l.equals(r) == (op == Expression.CompareOp.EQ) ? TRUE : FALSE;
  }

  private static Object arithmetic(Expression.Arithmetic a, Object l, Object r) {
    if (l instanceof Double x && r instanceof Double y) {
      return switch (a.op()) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> Arith.divide(x, y);
      };
    }
    if (l instanceof Long x && r instanceof Long y) {
      return switch (a.op()) {
        case ADD -> Arith.add(x, y);
        case SUB -> Arith.subtract(x, y);
        default -> Arith.ratio(x, y);
      };
    }
    if (l instanceof Long x) {
      return a.op() == Expression.ArithmeticOp.DIV ? Arith.divide(x, (Double) r) : Arith.scale(x, (Double) r);
    }
    return Arith.scale((Long) r, (Double) l);
  }

  private Object call(Expression.Call c, List<Object> args) {
    switch (c.function()) {
      case "hasTag": {
        Object tags = attribute(StandardAttributes.TAGS.name());
        return tags == null ? UNKNOWN : ((Set<?>) tags).contains(args.get(0)) ? TRUE : FALSE;
      }
      case "inSegment":
        return rule((String) args.get(0)) == TRUE ? TRUE : FALSE;
      case "daysSince":
        return args.get(0) == null ? Double.NaN
            : (double) Math.floorDiv(asOf.toEpochMilli() - ((Instant) args.get(0)).toEpochMilli(), Frame.DAY_MILLIS);
      case "withinLast":
        if (args.get(0) == null) {
          return UNKNOWN;
        }
        Duration age = Duration.between((Instant) args.get(0), asOf);
        return !age.isNegative() && age.compareTo((Duration) args.get(1)) <= 0 ? TRUE : FALSE;
      case "birthdayWithin": {
        LocalDate b = values.get(StandardAttributes.BIRTHDAY);
        return b == null ? UNKNOWN : TimeNode.daysToBirthday(b.toEpochDay(), LocalDate.ofInstant(asOf, zone)
            .toEpochDay()) <= (Double) args.get(0) ? TRUE : FALSE;
      }
      case "birthdayThisMonth": {
        LocalDate b = values.get(StandardAttributes.BIRTHDAY);
        return b == null ? UNKNOWN : b.getMonth() == LocalDate.ofInstant(asOf, zone).getMonth() ? TRUE : FALSE;
      }
      case "startsWith":
        return args.get(0) == null ? UNKNOWN : ((String) args.get(0)).startsWith((String) args.get(1)) ? TRUE : FALSE;
      case "present": {
        Object v = args.get(0);
        boolean absent = v == null || (v instanceof Double d && d.isNaN()) || (v instanceof Long l && l == Frame.ABSENT)
            || (v instanceof Integer i && i == UNKNOWN);
        return absent ? FALSE : TRUE;
      }
      default:
        throw new IllegalStateException(c.function());
    }
  }

  private String show(Object v, Expression e) {
    if (v instanceof Integer i) {
      return i == TRUE ? "TRUE" : i == FALSE ? "FALSE" : "UNKNOWN";
    }
    if (v == null || (v instanceof Double d && d.isNaN()) || (v instanceof Long l && l == Frame.ABSENT)) {
      return "absent";
    }
    if (v instanceof Double d) {
      if (d.isInfinite()) { // arithmetic past the double range; BigDecimal has no infinity
        return d > 0 ? "Infinity" : "-Infinity";
      }
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : BigDecimal.valueOf(d)
          .toPlainString();
    }
    if (v instanceof Long l) {
      return Money.of(l, currency).toString();
    }
    if (v instanceof Set<?> s) {
      return new TreeSet<>(s.stream().map(Object::toString).toList()).toString();
    }
    if (e.equals(new Expression.Attribute(StandardAttributes.BIRTHDAY.name()))) {
      return "****";
    }
    return v.toString();
  }
}
