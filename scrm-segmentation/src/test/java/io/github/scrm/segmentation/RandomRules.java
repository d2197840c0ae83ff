package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.rule.Expression;
import io.github.scrm.segmentation.rule.Expression.ArithmeticOp;
import io.github.scrm.segmentation.rule.Expression.CompareOp;
import io.github.scrm.segmentation.rule.Expression.SetOp;
import io.github.scrm.segmentation.rule.RuleDefinition;
import io.github.scrm.segmentation.rule.RuleKind;
import io.github.scrm.segmentation.rule.RuleSetDocument;
import io.github.scrm.segmentation.rule.Conditions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Random well-typed conditions, rule sets and profiles over a small attribute pool, for property tests. */
final class RandomRules {

  static final Instant AS_OF = Instant.parse("2024-06-15T04:00:00Z");

  static final List<AttributeKey<?>> NUMBERS = List.of(StandardAttributes.ORDERS, StandardAttributes.ORDERS_90D,
      StandardAttributes.FOLLOWERS, StandardAttributes.DISCOUNTED_SHARE, StandardAttributes.INFLUENCE);
  static final List<AttributeKey<?>> MONEYS = List.of(StandardAttributes.SPEND, StandardAttributes.AVG_ORDER_VALUE);
  static final List<AttributeKey<?>> STRINGS =
      List.of(StandardAttributes.CITY, StandardAttributes.GENDER, StandardAttributes.MEMBER_LEVEL);
  static final List<AttributeKey<?>> SETS = List.of(StandardAttributes.TAGS, StandardAttributes.BRANDS);
  static final List<AttributeKey<?>> BOOLS =
      List.of(StandardAttributes.MARKETING_OPT_IN, StandardAttributes.NO_PERSONALISED_MARKETING);
  static final List<AttributeKey<?>> INSTANTS = List.of(StandardAttributes.LAST_PURCHASE, StandardAttributes.MEMBER_SINCE);
  static final List<String> WORDS = List.of("上海", "杭州", "F", "M", "GOLD", "NONE", "vip", "complained", "nike", "li-ning");

  private final Random r;
  private final int rulesBefore;

  RandomRules(long seed, int rulesBefore) {
    this.r = new Random(seed);
    this.rulesBefore = rulesBefore;
  }

  Expression condition(int depth) {
    int k = depth <= 0 ? r.nextInt(9) : r.nextInt(13);
    switch (k) {
      case 0:
        return new Expression.Compare(op(), number(depth - 1), number(depth - 1));
      case 1:
        return new Expression.Compare(op(), money(depth - 1), money(depth - 1));
      case 2:
        return new Expression.Compare(r.nextBoolean() ? CompareOp.EQ : CompareOp.NE, attr(STRINGS), word());
      case 3:
        return new Expression.In(attr(STRINGS), new Expression.SetLiteral(List.of(word(), word(), word())),
            r.nextBoolean());
      case 4:
        SetOp sop = SetOp.values()[r.nextInt(3)];
        return new Expression.SetTest(sop, attr(SETS), sop == SetOp.CONTAINS ? word()
            : new Expression.SetLiteral(List.of(word(), word())));
      case 5:
        return new Expression.Between(number(depth - 1), number(0), number(0));
      case 6:
        return attr(BOOLS);
      case 7:
        return call();
      case 8:
        return new Expression.Compare(op(), new Expression.Call("daysSince", List.of(attr(INSTANTS))),
            new Expression.NumberLiteral(BigDecimal.valueOf(r.nextInt(400))));
      case 9:
      case 10:
        List<Expression> ops = new ArrayList<>();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          ops.add(condition(depth - 1));
        }
        return k == 9 ? new Expression.And(ops) : new Expression.Or(ops);
      case 11:
        return new Expression.Not(condition(depth - 1));
      default:
        return new Expression.Between(money(depth - 1), money(0), money(0));
    }
  }

  private Expression call() {
    int k = r.nextInt(rulesBefore > 0 ? 7 : 6);
    return switch (k) {
      case 0 -> new Expression.Call("hasTag", List.of(word()));
      case 1 -> new Expression.Call("withinLast", List.of(attr(INSTANTS),
          new Expression.DurationLiteral(Duration.ofDays(1 + r.nextInt(200)))));
      case 2 -> new Expression.Call("birthdayWithin", List.of(new Expression.NumberLiteral(BigDecimal.valueOf(r.nextInt(40)))));
      case 3 -> new Expression.Call("birthdayThisMonth", List.of());
      case 4 -> new Expression.Call("startsWith", List.of(attr(STRINGS), new Expression.StringLiteral("G")));
      case 5 -> new Expression.Call("present", List.of(attr(r.nextBoolean() ? NUMBERS : SETS)));
      default -> new Expression.Call("inSegment", List.of(new Expression.StringLiteral("r" + r.nextInt(rulesBefore))));
    };
  }

  private CompareOp op() {
    return CompareOp.values()[r.nextInt(6)];
  }

  private Expression number(int depth) {
    if (depth > 0 && r.nextInt(3) == 0) {
      ArithmeticOp op = ArithmeticOp.values()[r.nextInt(4)];
      return new Expression.Arithmetic(op, number(depth - 1), number(depth - 1));
    }
    if (depth > 0 && r.nextInt(6) == 0) {
      return new Expression.Arithmetic(ArithmeticOp.DIV, money(0), money(0));
    }
    if (depth > 0 && r.nextInt(8) == 0) {
      return new Expression.Negate(number(depth - 1));
    }
    return r.nextBoolean() ? attr(NUMBERS)
        : new Expression.NumberLiteral(BigDecimal.valueOf(r.nextInt(2000) - 100, r.nextInt(3)));
  }

  private Expression money(int depth) {
    if (depth > 0 && r.nextInt(3) == 0) {
      int k = r.nextInt(4);
      return switch (k) {
        case 0 -> new Expression.Arithmetic(ArithmeticOp.ADD, money(depth - 1), money(depth - 1));
        case 1 -> new Expression.Arithmetic(ArithmeticOp.SUB, money(depth - 1), money(depth - 1));
        case 2 -> new Expression.Arithmetic(ArithmeticOp.MUL, money(depth - 1), number(0));
        default -> new Expression.Arithmetic(ArithmeticOp.DIV, money(depth - 1), number(0));
      };
    }
    if (depth > 0 && r.nextInt(8) == 0) {
      return new Expression.Negate(money(depth - 1));
    }
    return r.nextBoolean() ? attr(MONEYS) : new Expression.MoneyLiteral(Money.fen(r.nextInt(1_000_000)));
  }

  private Expression attr(List<AttributeKey<?>> pool) {
    return new Expression.Attribute(pool.get(r.nextInt(pool.size())).name());
  }

  private Expression word() {
    return new Expression.StringLiteral(WORDS.get(r.nextInt(WORDS.size())));
  }

  /** A rule set of {@code n} rules; rule i may refer to rules before it. */
  static RuleSetDocument ruleSet(long seed, int n, int depth) {
    List<RuleDefinition> rules = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Expression e = new RandomRules(seed * 31 + i, i).condition(depth);
      rules.add(new RuleDefinition("r" + i, i % 3 == 2 ? RuleKind.SEGMENT : RuleKind.TAG, "", "", Optional.empty(), 0,
          Conditions.parse(e.toString()), "/rules/" + i));
    }
    return RuleSetDocument.of("random", 1, rules);
  }

  /** A random profile where each attribute is absent with probability 1/5. */
  static AttributeMap profile(long seed) {
    Random r = new Random(seed);
    AttributeMap.Builder b = AttributeMap.builder();
    for (AttributeKey<?> k : NUMBERS) {
      if (r.nextInt(5) > 0) {
        if (k.type() == io.github.scrm.core.attribute.AttributeType.LONG) {
          b.putChecked(k, (long) r.nextInt(1500));
        } else {
          b.putChecked(k, BigDecimal.valueOf(r.nextInt(10000), 2));
        }
      }
    }
    for (AttributeKey<?> k : MONEYS) {
      if (r.nextInt(5) > 0) {
        b.putChecked(k, Money.fen(r.nextInt(1_000_000)));
      }
    }
    for (AttributeKey<?> k : STRINGS) {
      if (r.nextInt(5) > 0) {
        b.putChecked(k, r.nextInt(4) == 0 ? "other" : WORDS.get(r.nextInt(WORDS.size())));
      }
    }
    for (AttributeKey<?> k : SETS) {
      if (r.nextInt(5) > 0) {
        ImmutableSet.Builder<String> s = ImmutableSet.builder();
        for (int i = r.nextInt(4); i > 0; i--) {
          s.add(r.nextInt(4) == 0 ? "x" + i : WORDS.get(r.nextInt(WORDS.size())));
        }
        b.putChecked(k, s.build());
      }
    }
    for (AttributeKey<?> k : BOOLS) {
      if (r.nextInt(5) > 0) {
        b.putChecked(k, r.nextBoolean());
      }
    }
    for (AttributeKey<?> k : INSTANTS) {
      if (r.nextInt(5) > 0) {
        b.putChecked(k, AS_OF.minusSeconds(r.nextInt(500 * 86_400)));
      }
    }
    if (r.nextInt(5) > 0) {
      b.put(StandardAttributes.BIRTHDAY, LocalDate.of(1960 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)));
    }
    return b.build();
  }
}
