package io.github.scrm.segmentation.rule;

import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hand-written lexer for the expression language: one pass, no regular expressions, linear in the text length.
 * Comments ({@code //}, {@code #} to end of line, {@code /* *}{@code /}) are skipped.
 */
final class Lexer {

  enum Kind { NUMBER, MONEY, DURATION, STRING, IDENT, SYMBOL, EOF }

  record Token(Kind kind, String text, int line, int column, Object value) {}

  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).collect(Collectors.toSet());

  private final String text;
  private final List<Problem> problems;
  private final String pointer;
  private int pos;
  private int line = 1;
  private int lineStart;

  Lexer(String text, String pointer, List<Problem> problems) {
    this.text = text;
    this.pointer = pointer;
    this.problems = problems;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= text.length()) {
        out.add(new Token(Kind.EOF, "end of text", line, col(pos), null));
        return out;
      }
      int start = pos;
      char c = text.charAt(pos);
      if (c == '¥' || c == '￥') {
        pos++;
        String digits = number();
        if (digits.isEmpty()) {
          error(start, "'¥' must be followed by an amount such as ¥300 or ¥12.50");
          continue;
        }
        out.add(money(start, digits, Money.CNY));
      } else if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
        String digits = number();
        if (pos < text.length() && "dhw".indexOf(text.charAt(pos)) >= 0
            && (pos + 1 >= text.length() || !isIdentPart(text.charAt(pos + 1)))) {
          char unit = text.charAt(pos++);
          out.add(duration(start, digits, unit));
        } else {
          int save = pos;
          int savedLine = line;
          int savedLineStart = lineStart;
          while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
          }
          if (pos + 3 <= text.length() && CURRENCIES.contains(text.substring(pos, pos + 3))
              && (pos + 3 == text.length() || !isIdentPart(text.charAt(pos + 3)))) {
            Currency currency = Currency.getInstance(text.substring(pos, pos + 3));
            pos += 3;
            out.add(money(start, digits, currency));
          } else {
            pos = save;
            line = savedLine;
            lineStart = savedLineStart;
            BigDecimal value = new BigDecimal(digits);
            String outOfRange = Conditions.numberOutOfRange(value, digits);
            if (outOfRange != null) {
              error(start, outOfRange);
            }
            out.add(new Token(Kind.NUMBER, digits, line, col(start), value));
          }
        }
      } else if (c == '\'' || c == '"') {
        out.add(string(start, c));
      } else if (isIdentStart(c)) {
        pos++;
        while (pos < text.length()) {
          char d = text.charAt(pos);
          if (isIdentPart(d)) {
            pos++;
          } else if (d == '.' && pos + 1 < text.length() && isIdentPart(text.charAt(pos + 1))) {
            pos += 2;
          } else {
            break;
          }
        }
        out.add(new Token(Kind.IDENT, text.substring(start, pos), line, col(start), null));
      } else {
        String two = pos + 2 <= text.length() ? text.substring(pos, pos + 2) : "";
        if (two.equals("<=") || two.equals(">=") || two.equals("==") || two.equals("!=") || two.equals("<>")
            || two.equals("&&") || two.equals("||")) {
          pos += 2;
          out.add(new Token(Kind.SYMBOL, two, line, col(start), null));
        } else if ("<>=!+-*/(),{}[]".indexOf(c) >= 0) {
          pos++;
          out.add(new Token(Kind.SYMBOL, String.valueOf(c), line, col(start), null));
        } else {
          error(start, "unexpected character '" + c + "'");
          pos++;
        }
      }
    }
  }

  private Token money(int start, String digits, Currency currency) {
    try {
      return new Token(Kind.MONEY, text.substring(start, pos), line, col(start), Money.parse(digits, currency));
    } catch (IllegalArgumentException e) {
      error(start, e.getMessage());
    } catch (ArithmeticException tooLarge) {
      BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE, Math.max(currency.getDefaultFractionDigits(), 0));
      error(start, "an amount of money must be at most " + max.toPlainString() + " " + currency.getCurrencyCode()
          + ", but was '" + text.substring(start, pos) + "'");
    }
    return new Token(Kind.MONEY, text.substring(start, pos), line, col(start), Money.zero(currency));
  }

  private Token duration(int start, String digits, char unit) {
    BigDecimal hours = new BigDecimal(digits).multiply(BigDecimal.valueOf(unit == 'h' ? 1 : unit == 'd' ? 24 : 24 * 7));
    Duration value = Duration.ZERO;
    if (hours.stripTrailingZeros().scale() > 0) {
      error(start, "a duration must be a whole number of hours, but was '" + text.substring(start, pos) + "'");
    } else if (hours.compareTo(BigDecimal.valueOf(Conditions.MAX_DURATION.toHours())) > 0) {
      // checked before converting, so that no literal can overflow a Duration or its milliseconds
      error(start, "a duration must be at most " + Conditions.MAX_DURATION.toDays() + "d (about 100 years), but was '"
          + text.substring(start, pos) + "'");
    } else {
      value = Duration.ofHours(hours.longValueExact());
    }
    return new Token(Kind.DURATION, text.substring(start, pos), line, col(start), value);
  }

  private Token string(int start, char quote) {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos++);
      if (c == '\n') {
        error(start, "a string must end on the line where it starts");
        return new Token(Kind.STRING, sb.toString(), line, col(start), sb.toString());
      }
      if (c == '\\' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      sb.append(c);
    }
    if (pos >= text.length()) {
      error(start, "string is not closed: add " + quote);
    } else {
      pos++;
    }
    return new Token(Kind.STRING, sb.toString(), line, col(start), sb.toString());
  }

  private String number() {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
      pos++;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    return text.substring(start, pos);
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#' || text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int start = pos;
        int startLine = line;
        int startCol = col(pos);
        pos += 2;
        while (pos < text.length() && !text.startsWith("*/", pos)) {
          if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
          }
          pos++;
        }
        if (pos >= text.length()) {
          problems.add(new Problem("syntax", "comment is not closed: add */", pointer, startLine, startCol));
          pos = Math.max(pos, start);
        } else {
          pos += 2;
        }
      } else {
        return;
      }
    }
  }

  private void error(int at, String message) {
    problems.add(new Problem("syntax", message, pointer, line, col(at)));
  }

  private int col(int at) {
    return at - lineStart + 1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }
}
