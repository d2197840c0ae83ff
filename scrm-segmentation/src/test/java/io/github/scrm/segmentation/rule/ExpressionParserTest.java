package io.github.scrm.segmentation.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.rule.Expression.And;
import io.github.scrm.segmentation.rule.Expression.Attribute;
import io.github.scrm.segmentation.rule.Expression.Compare;
import io.github.scrm.segmentation.rule.Expression.CompareOp;
import io.github.scrm.segmentation.rule.Expression.MoneyLiteral;
import io.github.scrm.segmentation.rule.Expression.NumberLiteral;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ExpressionParserTest {

  private static Expression parse(String text) {
    ParsedCondition p = Conditions.parse(text);
    assertThat(p.problems()).isEmpty();
    return p.expression().orElseThrow();
  }

  @Test
  void parse_moneyLiterals_inBothSpellings_areEqual() {
    assertThat(parse("spend.total >= ¥300")).isEqualTo(parse("spend.total >= 300.00 CNY"));
    assertThat(parse("spend.total >= ¥12.5")).isEqualTo(
        new Compare(CompareOp.GE, new Attribute("spend.total"), new MoneyLiteral(Money.fen(1250))));
    assertThat(parse("spend.total > 10 USD")).isEqualTo(new Compare(CompareOp.GT, new Attribute("spend.total"),
        new MoneyLiteral(Money.of(1000, Currency.getInstance("USD")))));
  }

  @Test
  void parse_negativeMoneyLiterals_andTheyRoundTripThroughBothForms() {
    Expression e = parse("spend.total > -¥12.50 and spend.total < -3 USD + spend.total");
    assertThat(parse("spend.total > -¥12.50")).isEqualTo(
        new Compare(CompareOp.GT, new Attribute("spend.total"), new MoneyLiteral(Money.fen(-1250))));
    assertThat(parse("spend.total > -12.50 CNY")).isEqualTo(parse("spend.total > -¥12.50"));
    assertThat(Conditions.parse(Conditions.toText(e)).expression()).contains(e);
    assertThat(Conditions.fromJson(Conditions.toJson(e), "").expression()).contains(e);
    Expression half = parse("spend.total > -¥0.5");
    assertThat(Conditions.parse(Conditions.toText(half)).expression()).contains(half);
  }

  @Test
  void parse_unaryMinus_isANegation_andRoundTripsThroughBothForms() {
    assertThat(parse("-spend.total < -¥100")).isEqualTo(new Compare(CompareOp.LT,
        new Expression.Negate(new Attribute("spend.total")), new MoneyLiteral(Money.fen(-10_000))));
    Expression e = parse("-(spend.total + ¥5) > -(¥5) and - -orders.count = -(-3) - -2");
    assertThat(Conditions.parse(Conditions.toText(e)).expression()).contains(e);
    assertThat(Conditions.fromJson(Conditions.toJson(e), "").expression()).contains(e);
    assertThat(Conditions.toJson(parse("-orders.count > 1")).toString())
        .isEqualTo("{\">\":[{\"-\":[{\"var\":\"orders.count\"}]},1]}");
  }

  @Test
  void parse_durationsSetsAndDottedNamesWithDigits() {
    Expression e = parse("withinLast(purchase.last, 90d) and orders.count.90d in {1, 2} and profile.city in {'上海', \"杭州\"}");
    assertThat(e).isInstanceOf(And.class);
    And and = (And) e;
    assertThat(((Expression.Call) and.operands().get(0)).arguments().get(1))
        .isEqualTo(new Expression.DurationLiteral(Duration.ofDays(90)));
    assertThat(((Expression.In) and.operands().get(1)).value()).isEqualTo(new Attribute("orders.count.90d"));
    assertThat(parse("withinLast(purchase.last, 2w)")).isEqualTo(parse("withinLast(purchase.last, 14d)"));
  }

  @Test
  void parse_comments_areIgnored() {
    assertThat(parse("# heavy buyers\norders.count >= 10 // at least ten\n/* and more */ and social.followers > 5"))
        .isEqualTo(parse("orders.count >= 10 and social.followers > 5"));
  }

  @Test
  void parse_chainedComparison_isConjunction() {
    assertThat(parse("18 <= profile.age <= 30")).isEqualTo(new And(List.of(
        new Compare(CompareOp.LE, new NumberLiteral(BigDecimal.valueOf(18)), new Attribute("profile.age")),
        new Compare(CompareOp.LE, new Attribute("profile.age"), new NumberLiteral(BigDecimal.valueOf(30))))));
  }

  @Test
  void parse_precedence_andBindsTighterThanOr_notInIsOneOperator() {
    assertThat(parse("a.x = 1 or a.y = 2 and a.z = 3")).isEqualTo(parse("a.x = 1 or (a.y = 2 and a.z = 3)"));
    assertThat(parse("profile.city not in {'x'}")).isEqualTo(new Expression.In(new Attribute("profile.city"),
        new Expression.SetLiteral(List.of(new Expression.StringLiteral("x"))), true));
    assertThat(parse("a.x + a.y * 2 > 3")).isEqualTo(parse("(a.x + (a.y * 2)) > 3"));
    assertThat(parse("1.0 = 1")).isEqualTo(parse("1 = 1.00"));
  }

  @Test
  void parse_syntaxError_reportsLineAndColumn() {
    ParsedCondition p = Conditions.parse("orders.count >= 10 and\n  spend.total > > 3", "/rules/4/when");
    assertThat(p.expression()).isEmpty();
    assertThat(p.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.pointer()).isEqualTo("/rules/4/when");
      assertThat(problem.line()).isEqualTo(2);
      assertThat(problem.column()).isEqualTo(17);
      assertThat(problem.code()).isEqualTo("syntax");
    });
  }

  @Test
  void parse_unclosedStringAndBadMoney_areReported() {
    assertThat(Conditions.parse("profile.city = 'abc").problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("not closed"));
    assertThat(Conditions.parse("spend.total > ¥1.234").problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("fraction digits"));
  }

  @Test
  void parse_moneyAndDurationsOutOfRange_areReportedAtTheLiteral() {
    assertThat(Conditions.parse("orders.count > 1 and\n  spend.total > ¥99999999999999999999", "/rules/0/when")
        .problems()).singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo("syntax");
          assertThat(p.message()).contains("at most 92233720368547758.07 CNY", "¥99999999999999999999");
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.column()).isEqualTo(17);
        });
    assertThat(Conditions.parse("spend.total > 99999999999999999999 USD").problems()).singleElement()
        .satisfies(p -> assertThat(p.column()).isEqualTo(15));
    assertThat(Conditions.parse("withinLast(purchase.last, 3000000000000000h)").problems()).singleElement()
        .satisfies(p -> {
          assertThat(p.message()).contains("at most 36500d", "3000000000000000h");
          assertThat(p.column()).isEqualTo(27);
        });
    assertThat(Conditions.parse("withinLast(purchase.last, 200000000000d)").problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("at most 36500d"));
    assertThat(Conditions.parse("withinLast(purchase.last, 5215w)").problems()).hasSize(1);
    assertThat(parse("withinLast(purchase.last, 36500d)")).isEqualTo(parse("withinLast(purchase.last, 876000h)"));
  }

  @Test
  void parse_deepNesting_isRejectedNotStackOverflow() {
    String text = "(".repeat(5000) + "a.b = 1" + ")".repeat(5000);
    assertThat(Conditions.parse(text).problems()).extracting(Problem::code).contains("limit");
    assertThat(Conditions.parse("not ".repeat(100_000) + "a.b").problems()).isNotEmpty();
  }

  @Test
  void parse_numbersBeyondTheRangeOfDoubles_areReportedAtTheLiteral() {
    assertThat(Conditions.parse("orders.count > 1 and\n  orders.count < 1" + "0".repeat(400), "/rules/0/when")
        .problems()).singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo("syntax");
          assertThat(p.message()).contains("range");
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.column()).isEqualTo(18);
        });
    assertThat(Conditions.parse("orders.discountedShare > 0." + "0".repeat(400) + "1").problems()).hasSize(1);
    assertThat(Conditions.parse("orders.count < 1" + "0".repeat(300)).problems()).isEmpty();
  }
}
