package io.github.scrm.segmentation.rule;

import com.google.common.collect.ImmutableList;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A condition or value in a rule, as parsed from either the expression language or the JSON tree form. Both forms of
 * the same condition give equal trees. Nodes carry no source positions (see {@link ParsedCondition} for those), so
 * structurally equal sub-expressions are equal values; the compiler uses that to evaluate shared sub-expressions once.
 */
public sealed interface Expression {

  /** A number literal, normalised so that {@code 1}, {@code 1.0} and {@code 1.00} are equal. */
  record NumberLiteral(BigDecimal value) implements Expression {
    /** Normalises the scale. */
    public NumberLiteral {
      Objects.requireNonNull(value, "value");
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }

  /** A money literal such as {@code ¥300} or {@code 300.00 CNY}. */
  record MoneyLiteral(Money value) implements Expression {
    @Override
    public String toString() {
      return value.toString();
    }
  }

  /** A string literal. */
  record StringLiteral(String value) implements Expression {
    @Override
    public String toString() {
      return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
  }

  /** {@code true} or {@code false}. */
  record BooleanLiteral(boolean value) implements Expression {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A duration literal such as {@code 90d}, {@code 12h} or {@code 2w}. */
  record DurationLiteral(Duration value) implements Expression {
    @Override
    public String toString() {
      long hours = value.toHours();
      return hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
    }
  }

  /** A set literal {@code {'a', 'b'}} of string or number literals. */
  record SetLiteral(List<Expression> elements) implements Expression {
    /** Copies the elements. */
    public SetLiteral {
      elements = ImmutableList.copyOf(elements);
    }

    @Override
    public String toString() {
      return "{" + String.join(", ", elements.stream().map(Object::toString).toList()) + "}";
    }
  }

  /** A reference to a catalogue attribute by its dotted name. */
  record Attribute(String name) implements Expression {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A comparison. */
  record Compare(CompareOp op, Expression left, Expression right) implements Expression {
    @Override
    public String toString() {
      return "(" + left + " " + op.symbol() + " " + right + ")";
    }
  }

  /** {@code value between low and high}, both bounds inclusive. */
  record Between(Expression value, Expression low, Expression high) implements Expression {
    @Override
    public String toString() {
      return "(" + value + " between " + low + " and " + high + ")";
    }
  }

  /** {@code value in set} or {@code value not in set}. */
  record In(Expression value, Expression set, boolean negated) implements Expression {
    @Override
    public String toString() {
      return "(" + value + (negated ? " not in " : " in ") + set + ")";
    }
  }

  /** {@code set contains x}, {@code set containsAny {..}}, {@code set containsAll {..}}. */
  record SetTest(SetOp op, Expression set, Expression operand) implements Expression {
    @Override
    public String toString() {
      return "(" + set + " " + op.keyword() + " " + operand + ")";
    }
  }

  /** Conjunction of two or more conditions. */
  record And(List<Expression> operands) implements Expression {
    /** Copies the operands. */
    public And {
      operands = ImmutableList.copyOf(operands);
    }

    @Override
    public String toString() {
      return "(" + String.join(" and ", operands.stream().map(Object::toString).toList()) + ")";
    }
  }

  /** Disjunction of two or more conditions. */
  record Or(List<Expression> operands) implements Expression {
    /** Copies the operands. */
    public Or {
      operands = ImmutableList.copyOf(operands);
    }

    @Override
    public String toString() {
      return "(" + String.join(" or ", operands.stream().map(Object::toString).toList()) + ")";
    }
  }

  /** Negation. */
  record Not(Expression operand) implements Expression {
    @Override
    public String toString() {
      return "(not " + operand + ")";
    }
  }

  /**
   * Unary minus: {@code -spend.total}, {@code -(a.x + a.y)}. It has the type of its operand, a number or money, and
   * negates it exactly. A minus written before a number or money literal is part of the literal instead
   * ({@code -5}, {@code -¥5}).
   */
  record Negate(Expression operand) implements Expression {
    @Override
    public String toString() {
      // a literal is bracketed so that the text reads back as a negation, not as a negative literal
      boolean literal = operand instanceof NumberLiteral || operand instanceof MoneyLiteral;
      return literal ? "(-(" + operand + "))" : "(-" + operand + ")";
    }
  }

  /** Arithmetic on numbers and money. */
  record Arithmetic(ArithmeticOp op, Expression left, Expression right) implements Expression {
    @Override
    public String toString() {
      return "(" + left + " " + op.symbol() + " " + right + ")";
    }
  }

  /** A function call such as {@code hasTag('vip')} or {@code daysSince(purchase.last)}. */
  record Call(String function, List<Expression> arguments) implements Expression {
    /** Copies the arguments. */
    public Call {
      arguments = ImmutableList.copyOf(arguments);
    }

    @Override
    public String toString() {
      return function + "(" + String.join(", ", arguments.stream().map(Object::toString).toList()) + ")";
    }
  }

  /** Comparison operators. */
  enum CompareOp {
    /** Equal. */
    EQ("=="),
    /** Not equal. */
    NE("!="),
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Greater than. */
    GT(">"),
    /** Greater than or equal. */
    GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in expressions and in the JSON form. */
    public String symbol() {
      return symbol;
    }

    /** Whether {@code comparison} (a {@code compareTo} result) satisfies this operator. */
    public boolean test(int comparison) {
      return switch (this) {
        case EQ -> comparison == 0;
        case NE -> comparison != 0;
        case LT -> comparison < 0;
        case LE -> comparison <= 0;
        case GT -> comparison > 0;
        case GE -> comparison >= 0;
      };
    }
  }

  /** Set tests. */
  enum SetOp {
    /** The set holds one given element. */
    CONTAINS("contains"),
    /** The set holds at least one of the given elements. */
    CONTAINS_ANY("containsAny"),
    /** The set holds every given element. */
    CONTAINS_ALL("containsAll");

    private final String keyword;

    SetOp(String keyword) {
      this.keyword = keyword;
    }

    /** The keyword as written in expressions and in the JSON form. */
    public String keyword() {
      return keyword;
    }
  }

  /** Arithmetic operators. */
  enum ArithmeticOp {
    /** Addition. */
    ADD("+"),
    /** Subtraction. */
    SUB("-"),
    /** Multiplication. */
    MUL("*"),
    /** Division. */
    DIV("/");

    private final String symbol;

    ArithmeticOp(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written. */
    public String symbol() {
      return symbol;
    }
  }
}
