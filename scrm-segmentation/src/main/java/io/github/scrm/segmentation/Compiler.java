package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.segmentation.rule.Expression;
import io.github.scrm.segmentation.rule.Expression.CompareOp;
import io.github.scrm.segmentation.rule.RuleDefinition;
import io.github.scrm.segmentation.rule.RuleSetDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated rule set into an evaluation plan: attributes resolved to cells, string literals to dictionary
 * codes, common shapes fused into single nodes ({@code attribute >= 10} is one node), shared sub-expressions wrapped
 * in per-profile memo slots, and operands of {@code and}/{@code or} ordered cheapest first.
 */
final class Compiler {

  private final AttributeCatalogue catalogue;
  private final Map<Expression, Type> types;
  private final Layout layout;
  private final Map<String, Integer> ruleIndex = new HashMap<>();
  private final Map<Expression, Integer> occurrences = new HashMap<>();
  private final Map<Expression, Object> shared = new HashMap<>();
  final List<TimeNode.Timed> timed = new ArrayList<>();
  private int memoSlots;
  private Set<String> reads;
  private boolean readsTime;

  private Compiler(AttributeCatalogue catalogue, Map<Expression, Type> types, RuleSetDocument doc) {
    this.catalogue = catalogue;
    this.types = types;
    this.layout = new Layout(doc.currency());
  }

  record Plan(Layout layout, List<CompiledRule> rules, int[] order, int memoSlots, List<TimeNode.Timed> timed) {}

  static Plan compile(RuleSetDocument doc, AttributeCatalogue catalogue, Map<Expression, Type> types) {
    Compiler c = new Compiler(catalogue, types, doc);
    List<RuleDefinition> defs = doc.rules();
    for (int i = 0; i < defs.size(); i++) {
      c.ruleIndex.put(defs.get(i).id(), i);
      c.count(defs.get(i).condition().expression().orElseThrow());
    }
    List<CompiledRule> rules = new ArrayList<>();
    for (int i = 0; i < defs.size(); i++) {
      RuleDefinition def = defs.get(i);
      c.reads = new LinkedHashSet<>();
      c.readsTime = false;
      Expression root = def.condition().expression().orElseThrow();
      BoolNode node = c.bool(root);
      Set<String> refs = new LinkedHashSet<>();
      references(root, refs);
      rules.add(new CompiledRule(def, i, node, ImmutableSet.copyOf(c.reads), ImmutableSet.copyOf(refs), c.readsTime));
    }
    c.layout.seal();
    return new Plan(c.layout, rules, topologicalOrder(rules, c.ruleIndex), c.memoSlots, c.timed);
  }

  private void count(Expression e) {
    occurrences.merge(e, 1, Integer::sum);
    children(e).forEach(this::count);
  }

  static List<Expression> children(Expression e) {
    if (e instanceof Expression.Compare c) {
      return List.of(c.left(), c.right());
    } else if (e instanceof Expression.Between b) {
      return List.of(b.value(), b.low(), b.high());
    } else if (e instanceof Expression.In in) {
      return List.of(in.value(), in.set());
    } else if (e instanceof Expression.SetTest s) {
      return List.of(s.set(), s.operand());
    } else if (e instanceof Expression.And a) {
      return a.operands();
    } else if (e instanceof Expression.Or o) {
      return o.operands();
    } else if (e instanceof Expression.Not n) {
      return List.of(n.operand());
    } else if (e instanceof Expression.Arithmetic a) {
      return List.of(a.left(), a.right());
    } else if (e instanceof Expression.Negate n) {
      return List.of(n.operand());
    } else if (e instanceof Expression.Call c) {
      return c.arguments();
    }
    return List.of();
  }

  private static void references(Expression e, Set<String> out) {
    if (e instanceof Expression.Call c && c.function().equals("inSegment")) {
      out.add(((Expression.StringLiteral) c.arguments().get(0)).value());
    }
    children(e).forEach(ch -> references(ch, out));
  }

  private boolean memoWorthy(Expression e) {
    return occurrences.getOrDefault(e, 0) > 1 && (e instanceof Expression.Arithmetic || e instanceof Expression.And
        || e instanceof Expression.Or || (e instanceof Expression.Call c && c.function().equals("daysSince")));
  }

  // ---- conditions

  private BoolNode bool(Expression e) {
    if (memoWorthy(e)) {
      Object s = shared.get(e);
      if (s == null) {
        s = new BoolNode.Memo(boolRaw(e), memoSlots++);
        shared.put(e, s);
      } else {
        boolRaw(e); // record the attributes it reads for this rule too
      }
      return (BoolNode) s;
    }
    return boolRaw(e);
  }

  private BoolNode boolRaw(Expression e) {
    if (e instanceof Expression.BooleanLiteral b) {
      return new BoolNode.Const(b.value() ? Frame.TRUE : Frame.FALSE);
    } else if (e instanceof Expression.Attribute a) {
      return new BoolNode.Cell(layout.cell(key(a)));
    } else if (e instanceof Expression.Compare c) {
      return compare(c);
    } else if (e instanceof Expression.Between b) {
      if (types.get(b.value()) == Type.MONEY) {
        return new MoneyNode.Between(money(b.value()), money(b.low()), money(b.high()));
      }
      return new NumCompare.Between(number(b.value()), number(b.low()), number(b.high()));
    } else if (e instanceof Expression.In in) {
      BoolNode n = in(in);
      return in.negated() ? new BoolNode.Not(n) : n;
    } else if (e instanceof Expression.SetTest s) {
      AttributeKey<?> setKey = key((Expression.Attribute) s.set());
      int[] wanted = s.op() == Expression.SetOp.CONTAINS
          ? new int[] {layout.code(((Expression.StringLiteral) s.operand()).value())}
          : codes((Expression.SetLiteral) s.operand());
      BoolNode masked = masked(setKey, wanted, s.op() == Expression.SetOp.CONTAINS_ALL);
      if (masked != null) {
        return masked;
      }
      int set = layout.set(setKey);
      return switch (s.op()) {
        case CONTAINS -> new SetNode.Contains(set, layout.code(((Expression.StringLiteral) s.operand()).value()));
        case CONTAINS_ANY -> new SetNode.ContainsAny(set, codes((Expression.SetLiteral) s.operand()));
        case CONTAINS_ALL -> new SetNode.ContainsAll(set, codes((Expression.SetLiteral) s.operand()));
      };
    } else if (e instanceof Expression.And a) {
      BoolNode[] ops = ordered(a.operands());
      return ops.length == 2 ? new Logic.And2(ops[0], ops[1]) : new Logic.AndN(ops);
    } else if (e instanceof Expression.Or o) {
      BoolNode[] ops = ordered(o.operands());
      return ops.length == 2 ? new Logic.Or2(ops[0], ops[1]) : new Logic.OrN(ops);
    } else if (e instanceof Expression.Not n) {
      return new BoolNode.Not(bool(n.operand()));
    } else if (e instanceof Expression.Call c) {
      return call(c);
    }
    throw new IllegalStateException("not a condition: " + e);
  }

  private BoolNode[] ordered(List<Expression> operands) {
    BoolNode[] ops = operands.stream().map(this::bool).toArray(BoolNode[]::new);
    Arrays.sort(ops, Comparator.comparingInt(n -> n.cost));
    return ops;
  }

  private BoolNode compare(Expression.Compare c) {
    Type t = types.get(c.left());
    Expression l = c.left();
    Expression r = c.right();
    CompareOp op = c.op();
    if (isLiteral(l) && !isLiteral(r)) {
      Expression tmp = l;
      l = r;
      r = tmp;
      op = flip(op);
    }
    switch (t) {
      case NUMBER:
        if (l instanceof Expression.Attribute a && r instanceof Expression.NumberLiteral n) {
          return NumCompare.compareCell(layout.cell(key(a)), op, n.value().doubleValue());
        }
        return new NumCompare.Compare(number(l), op, number(r));
      case MONEY:
        if (l instanceof Expression.Attribute a && r instanceof Expression.MoneyLiteral m) {
          return new MoneyNode.CellCompare(layout.cell(key(a)), op, m.value().minorUnits());
        }
        return new MoneyNode.Compare(money(l), op, money(r));
      case STRING:
        BoolNode eq = new ValueTest.StrEq(layout.cell(key((Expression.Attribute) l)),
            layout.code(((Expression.StringLiteral) r).value()));
        return op == CompareOp.EQ ? eq : new BoolNode.Not(eq);
      default:
        return new BoolNode.Equal(bool(l), bool(r), op == CompareOp.NE);
    }
  }

  private static boolean isLiteral(Expression e) {
    return e instanceof Expression.NumberLiteral || e instanceof Expression.MoneyLiteral
        || e instanceof Expression.StringLiteral || e instanceof Expression.BooleanLiteral;
  }

  private static CompareOp flip(CompareOp op) {
    return switch (op) {
      case LT -> CompareOp.GT;
      case LE -> CompareOp.GE;
      case GT -> CompareOp.LT;
      case GE -> CompareOp.LE;
      default -> op;
    };
  }

  private BoolNode in(Expression.In in) {
    Expression.SetLiteral set = (Expression.SetLiteral) in.set();
    if (types.get(in.value()) == Type.STRING) {
      int cell = layout.cell(key((Expression.Attribute) in.value()));
      int[] codes = codes(set);
      if (codes.length == 0 || codes[codes.length - 1] < 64) {
        long mask = 0;
        for (int c : codes) {
          mask |= 1L << c;
        }
        return new ValueTest.StrInMask(cell, mask);
      }
      return new ValueTest.StrIn(cell, codes);
    }
    double[] values = set.elements().stream()
        .mapToDouble(x -> ((Expression.NumberLiteral) x).value().doubleValue()).toArray();
    return new ValueTest.NumIn(number(in.value()), values);
  }

  private int[] codes(Expression.SetLiteral set) {
    return set.elements().stream().mapToInt(x -> layout.code(((Expression.StringLiteral) x).value()))
        .distinct().sorted().toArray();
  }

  private BoolNode call(Expression.Call c) {
    List<Expression> args = c.arguments();
    switch (c.function()) {
      case "hasTag":
        reads.add(StandardAttributes.TAGS.name());
        BoolNode masked = masked(StandardAttributes.TAGS,
            new int[] {layout.code(((Expression.StringLiteral) args.get(0)).value())}, true);
        if (masked != null) {
          return masked;
        }
        return new SetNode.Contains(layout.set(StandardAttributes.TAGS),
            layout.code(((Expression.StringLiteral) args.get(0)).value()));
      case "inSegment":
        return new BoolNode.RuleRef(ruleIndex.get(((Expression.StringLiteral) args.get(0)).value()));
      case "withinLast":
        readsTime = true;
        return timed(new TimeNode.WithinLast(layout.cell(key((Expression.Attribute) args.get(0))),
            ((Expression.DurationLiteral) args.get(1)).value().toMillis()));
      case "birthdayWithin":
        readsTime = true;
        reads.add(StandardAttributes.BIRTHDAY.name());
        return timed(new TimeNode.BirthdayWithin(layout.cell(StandardAttributes.BIRTHDAY),
            ((Expression.NumberLiteral) args.get(0)).value().longValueExact()));
      case "birthdayThisMonth":
        readsTime = true;
        reads.add(StandardAttributes.BIRTHDAY.name());
        return timed(new TimeNode.BirthdayThisMonth(layout.cell(StandardAttributes.BIRTHDAY)));
      case "startsWith":
        return new BoolNode.Cell(layout.startsWith(key((Expression.Attribute) args.get(0)),
            ((Expression.StringLiteral) args.get(1)).value()));
      case "present":
        AttributeKey<?> k = key((Expression.Attribute) args.get(0));
        if (types.get(args.get(0)) == Type.SET) {
          return new BoolNode.PresentSet(layout.set(k));
        }
        return new BoolNode.Present(layout.cell(k), types.get(args.get(0)) == Type.NUMBER);
      default:
        throw new IllegalStateException("function without a compiler: " + c.function());
    }
  }

  /** A mask test when every wanted code fits the set's mask cell, else null. */
  private BoolNode masked(AttributeKey<?> setKey, int[] codes, boolean all) {
    long mask = 0;
    for (int c : codes) {
      if (c >= Layout.MASK_CODES) {
        return null;
      }
      mask |= 1L << c;
    }
    if (codes.length == 0) {
      return null;
    }
    return new SetNode.Mask(layout.setMask(setKey), mask, all);
  }

  private <T extends TimeNode.Timed> T timed(T node) {
    timed.add(node);
    return node;
  }

  // ---- numbers and money

  private NumNode number(Expression e) {
    if (memoWorthy(e)) {
      Object s = shared.get(e);
      if (s == null) {
        s = new NumNode.Memo(numberRaw(e), memoSlots++);
        shared.put(e, s);
      } else {
        numberRaw(e);
      }
      return (NumNode) s;
    }
    return numberRaw(e);
  }

  private NumNode numberRaw(Expression e) {
    if (e instanceof Expression.NumberLiteral n) {
      return new NumNode.Const(n.value().doubleValue());
    } else if (e instanceof Expression.Attribute a) {
      return new NumNode.Cell(layout.cell(key(a)));
    } else if (e instanceof Expression.Call c) {
      readsTime = true;
      return timed(new TimeNode.DaysSince(layout.cell(key((Expression.Attribute) c.arguments().get(0)))));
    } else if (e instanceof Expression.Negate n) {
      return new NumNode.Mul(number(n.operand()), new NumNode.Const(-1)); // exact for every double
    }
    Expression.Arithmetic a = (Expression.Arithmetic) e;
    if (types.get(a.left()) == Type.MONEY) {
      return new NumNode.MoneyRatio(money(a.left()), money(a.right()));
    }
    List<Expression.Attribute> summands = new ArrayList<>();
    if (sumOfAttributes(a, summands) && summands.size() >= 3) {
      return new NumNode.SumCells(summands.stream().mapToInt(x -> layout.cell(key(x))).toArray());
    }
    NumNode l = number(a.left());
    NumNode r = number(a.right());
    return switch (a.op()) {
      case ADD -> new NumNode.Add(l, r);
      case SUB -> new NumNode.Sub(l, r);
      case MUL -> new NumNode.Mul(l, r);
      case DIV -> new NumNode.Div(l, r);
    };
  }

  private static boolean sumOfAttributes(Expression e, List<Expression.Attribute> out) {
    if (e instanceof Expression.Attribute a) {
      out.add(a);
      return true;
    }
    return e instanceof Expression.Arithmetic a && a.op() == Expression.ArithmeticOp.ADD
        && sumOfAttributes(a.left(), out) && sumOfAttributes(a.right(), out);
  }

  private MoneyNode money(Expression e) {
    if (memoWorthy(e)) {
      Object s = shared.get(e);
      if (s == null) {
        s = new MoneyNode.Memo(moneyRaw(e), memoSlots++);
        shared.put(e, s);
      } else {
        moneyRaw(e);
      }
      return (MoneyNode) s;
    }
    return moneyRaw(e);
  }

  private MoneyNode moneyRaw(Expression e) {
    if (e instanceof Expression.MoneyLiteral m) {
      return new MoneyNode.Const(m.value().minorUnits());
    } else if (e instanceof Expression.Attribute a) {
      return new MoneyNode.Cell(layout.cell(key(a)));
    } else if (e instanceof Expression.Negate n) {
      return new MoneyNode.Scale(money(n.operand()), new NumNode.Const(-1), false); // exact: a whole factor
    }
    Expression.Arithmetic a = (Expression.Arithmetic) e;
    return switch (a.op()) {
      case ADD, SUB -> new MoneyNode.Add(money(a.left()), money(a.right()), a.op() == Expression.ArithmeticOp.SUB);
      case MUL -> types.get(a.left()) == Type.MONEY ? new MoneyNode.Scale(money(a.left()), number(a.right()), false)
          : new MoneyNode.Scale(money(a.right()), number(a.left()), false);
      case DIV -> new MoneyNode.Scale(money(a.left()), number(a.right()), true);
    };
  }

  private AttributeKey<?> key(Expression.Attribute a) {
    reads.add(a.name());
    return catalogue.find(a.name()).orElseThrow();
  }

  /** Rules in an order where every rule comes after the rules it refers to (validated acyclic). */
  private static int[] topologicalOrder(List<CompiledRule> rules, Map<String, Integer> index) {
    int[] order = new int[rules.size()];
    boolean[] done = new boolean[rules.size()];
    int[] n = {0};
    for (int i = 0; i < rules.size(); i++) {
      visit(i, rules, index, done, order, n);
    }
    return order;
  }

  private static void visit(int i, List<CompiledRule> rules, Map<String, Integer> index, boolean[] done, int[] order,
      int[] n) {
    if (done[i]) {
      return;
    }
    done[i] = true;
    for (String ref : rules.get(i).references()) {
      visit(index.get(ref), rules, index, done, order, n);
    }
    order[n[0]++] = i;
  }
}
