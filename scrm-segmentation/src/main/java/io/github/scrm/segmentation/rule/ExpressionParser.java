package io.github.scrm.segmentation.rule;

import io.github.scrm.segmentation.rule.Expression.And;
import io.github.scrm.segmentation.rule.Expression.ArithmeticOp;
import io.github.scrm.segmentation.rule.Expression.CompareOp;
import io.github.scrm.segmentation.rule.Expression.SetOp;
import io.github.scrm.segmentation.rule.Lexer.Kind;
import io.github.scrm.segmentation.rule.Lexer.Token;
import io.github.scrm.segmentation.rule.ParsedCondition.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive-descent parser of the expression language. Precedence from loosest: {@code or}, {@code and}, {@code not},
 * predicates (comparisons, which may be chained as in {@code 18 <= profile.age <= 30}, {@code between}, {@code in},
 * {@code not in}, {@code contains}, {@code containsAny}, {@code containsAll}), {@code + -}, {@code * /}, unary minus,
 * primaries. Nesting depth and the number of nodes are bounded while parsing, so that hostile text cannot exhaust
 * the stack of the parser or of anything that walks the tree afterwards (a chain such as {@code a + 1 + 1 + ...}
 * nests one level per operator even though its text does not).
 */
final class ExpressionParser {

  static final int MAX_TEXT_LENGTH = 20_000;
  static final int MAX_DEPTH = 48;

  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure() {
      super(null, null, false, false);
    }
  }

  private final List<Token> tokens;
  private final String pointer;
  private final List<Problem> problems;
  private final Map<Expression, Position> positions = new IdentityHashMap<>();
  private int index;
  private int depth;
  private int nodes;

  private ExpressionParser(List<Token> tokens, String pointer, List<Problem> problems) {
    this.tokens = tokens;
    this.pointer = pointer;
    this.problems = problems;
  }

  static ParsedCondition parse(String text, String pointer) {
    List<Problem> problems = new ArrayList<>();
    Position origin = new Position(pointer, 1, 1);
    if (text.length() > MAX_TEXT_LENGTH) {
      problems.add(new Problem("limit", "expression text must be at most " + MAX_TEXT_LENGTH
          + " characters, but had " + text.length(), pointer, 1, 1));
      return new ParsedCondition(Optional.empty(), Map.of(), problems, origin);
    }
    List<Token> tokens = new Lexer(text, pointer, problems).tokens();
    ExpressionParser parser = new ExpressionParser(tokens, pointer, problems);
    Optional<Expression> result = Optional.empty();
    try {
      Expression e = parser.or();
      if (parser.peek().kind() != Kind.EOF) {
        throw parser.fail(parser.peek(), "expected 'and', 'or' or end of text, but found '" + parser.peek().text() + "'");
      }
      result = problems.isEmpty() ? Optional.of(e) : Optional.empty();
    } catch (Failure ignored) {
      // the problem is recorded; parsing stops at the first syntax error, validation reports the rest
    }
    return new ParsedCondition(result, parser.positions, problems, origin);
  }

  private Expression or() {
    Token start = peek();
    List<Expression> ops = new ArrayList<>();
    ops.add(and());
    while (acceptWord("or") || acceptSymbol("||")) {
      ops.add(and());
    }
    return ops.size() == 1 ? ops.get(0) : at(start, new Expression.Or(ops));
  }

  private Expression and() {
    Token start = peek();
    List<Expression> ops = new ArrayList<>();
    ops.add(not());
    while (acceptWord("and") || acceptSymbol("&&")) {
      ops.add(not());
    }
    return ops.size() == 1 ? ops.get(0) : at(start, new And(ops));
  }

  private Expression not() {
    Token start = peek();
    if (acceptWord("not") || acceptSymbol("!")) {
      enter(start);
      Expression inner = not();
      depth--;
      return at(start, new Expression.Not(inner));
    }
    return predicate();
  }

  private Expression predicate() {
    Token start = peek();
    Expression left = additive();
    Token t = peek();
    CompareOp op = compareOp(t);
    if (op != null) {
      List<Expression> parts = new ArrayList<>();
      while (op != null) {
        Token opToken = next();
        Expression right = additive();
        parts.add(at(opToken, new Expression.Compare(op, left, right)));
        left = right;
        op = compareOp(peek());
      }
      return parts.size() == 1 ? parts.get(0) : at(start, new And(parts));
    }
    if (isWord(t, "between")) {
      next();
      Expression low = additive();
      expectWord("and");
      Expression high = additive();
      return at(t, new Expression.Between(left, low, high));
    }
    if (isWord(t, "in")) {
      next();
      return at(t, new Expression.In(left, additive(), false));
    }
    if (isWord(t, "not") && isWord(tokens.get(index + 1), "in")) {
      next();
      next();
      return at(t, new Expression.In(left, additive(), true));
    }
    for (SetOp setOp : SetOp.values()) {
      if (isWord(t, setOp.keyword())) {
        next();
        return at(t, new Expression.SetTest(setOp, left, additive()));
      }
    }
    return left;
  }

  private Expression additive() {
    Expression left = multiplicative();
    while (isSymbol(peek(), "+") || isSymbol(peek(), "-")) {
      Token op = next();
      Expression right = multiplicative();
      left = at(op, new Expression.Arithmetic(op.text().equals("+") ? ArithmeticOp.ADD : ArithmeticOp.SUB, left, right));
    }
    return left;
  }

  private Expression multiplicative() {
    Expression left = unary();
    while (isSymbol(peek(), "*") || isSymbol(peek(), "/")) {
      Token op = next();
      Expression right = unary();
      left = at(op, new Expression.Arithmetic(op.text().equals("*") ? ArithmeticOp.MUL : ArithmeticOp.DIV, left, right));
    }
    return left;
  }

  private Expression unary() {
    Token t = peek();
    if (isSymbol(t, "-")) {
      next();
      Token n = peek();
      if (n.kind() == Kind.NUMBER) {
        next();
        return at(t, new Expression.NumberLiteral(((BigDecimal) n.value()).negate()));
      }
      if (n.kind() == Kind.MONEY) {
        next();
        return at(t, new Expression.MoneyLiteral(((io.github.scrm.core.money.Money) n.value()).negate()));
      }
      enter(t);
      Expression inner = unary();
      depth--;
      return at(t, new Expression.Negate(inner));
    }
    return primary();
  }

  private Expression primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return at(t, new Expression.NumberLiteral((BigDecimal) t.value()));
      case MONEY:
        return at(t, new Expression.MoneyLiteral((io.github.scrm.core.money.Money) t.value()));
      case DURATION:
        return at(t, new Expression.DurationLiteral((java.time.Duration) t.value()));
      case STRING:
        return at(t, new Expression.StringLiteral((String) t.value()));
      case IDENT:
        if (t.text().equals("true") || t.text().equals("false")) {
          return at(t, new Expression.BooleanLiteral(t.text().equals("true")));
        }
        if (isSymbol(peek(), "(")) {
          next();
          enter(t);
          List<Expression> args = new ArrayList<>();
          if (!isSymbol(peek(), ")")) {
            do {
              args.add(or());
            } while (acceptSymbol(","));
          }
          expectSymbol(")");
          depth--;
          return at(t, new Expression.Call(t.text(), args));
        }
        return at(t, new Expression.Attribute(t.text()));
      case SYMBOL:
        if (t.text().equals("(")) {
          enter(t);
          Expression inner = or();
          expectSymbol(")");
          depth--;
          return inner;
        }
        if (t.text().equals("{") || t.text().equals("[")) {
          String close = t.text().equals("{") ? "}" : "]";
          List<Expression> elements = new ArrayList<>();
          if (!isSymbol(peek(), close)) {
            do {
              if (isSymbol(peek(), "{") || isSymbol(peek(), "[")) {
                throw fail(peek(), "sets cannot be nested: a set holds only string literals or only number literals");
              }
              elements.add(unary());
            } while (acceptSymbol(","));
          }
          expectSymbol(close);
          return at(t, new Expression.SetLiteral(elements));
        }
        throw fail(t, "expected a value, an attribute or '(', but found '" + t.text() + "'");
      default:
        throw fail(t, "expected a value, an attribute or '(', but found " + t.text());
    }
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      problems.add(new Problem("limit", "expression nests deeper than " + MAX_DEPTH + " levels", pointer, t.line(),
          t.column()));
      throw new Failure();
    }
  }

  private static CompareOp compareOp(Token t) {
    if (t.kind() != Kind.SYMBOL) {
      return null;
    }
    return switch (t.text()) {
      case "=", "==" -> CompareOp.EQ;
      case "!=", "<>" -> CompareOp.NE;
      case "<" -> CompareOp.LT;
      case "<=" -> CompareOp.LE;
      case ">" -> CompareOp.GT;
      case ">=" -> CompareOp.GE;
      default -> null;
    };
  }

  private <E extends Expression> E at(Token t, E e) {
    if (++nodes > Conditions.MAX_NODES) {
      problems.add(new Problem("limit", "a condition may have at most " + Conditions.MAX_NODES
          + " nodes (literals, attributes, operators, calls), but this one has more; it passes the limit here",
          pointer, t.line(), t.column()));
      throw new Failure();
    }
    positions.put(e, new Position(pointer, t.line(), t.column()));
    return e;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Kind.EOF) {
      index++;
    }
    return t;
  }

  private static boolean isWord(Token t, String word) {
    return t.kind() == Kind.IDENT && t.text().equals(word);
  }

  private static boolean isSymbol(Token t, String symbol) {
    return t.kind() == Kind.SYMBOL && t.text().equals(symbol);
  }

  private boolean acceptWord(String word) {
    if (isWord(peek(), word)) {
      next();
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (isSymbol(peek(), symbol)) {
      next();
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw fail(peek(), "expected '" + word + "', but found '" + peek().text() + "'");
    }
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw fail(peek(), "expected '" + symbol + "', but found '" + peek().text() + "'");
    }
  }

  private Failure fail(Token t, String message) {
    problems.add(new Problem("syntax", message, pointer, t.line(), t.column()));
    return new Failure();
  }
}
