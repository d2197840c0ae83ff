package io.github.scrm.segmentation;

import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.segmentation.rule.Conditions;
import io.github.scrm.segmentation.rule.Expression;
import io.github.scrm.segmentation.rule.Expression.CompareOp;
import io.github.scrm.segmentation.rule.ParsedCondition;
import io.github.scrm.segmentation.rule.ParsedCondition.Position;
import io.github.scrm.segmentation.rule.Problem;
import io.github.scrm.segmentation.rule.RuleDefinition;
import io.github.scrm.segmentation.rule.RuleSetDocument;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic validation of a rule set: the document's structure (also for documents built in code), attributes against
 * the catalogue (with "did you mean"), types, functions and arity, segment references and cycles, duplicate names and
 * size limits. Collects every problem.
 */
final class Checker {

  static final int MAX_NODES_PER_RULE = Conditions.MAX_NODES;
  static final int MAX_SET_SIZE = 1_000;

  private final AttributeCatalogue catalogue;
  private final Currency currency;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<Expression, Type> types = new IdentityHashMap<>();
  private final Map<String, Integer> ruleIndex = new HashMap<>();
  private ParsedCondition current;
  private Set<String> currentRefs;
  private int nodes;

  private Checker(AttributeCatalogue catalogue, Currency currency) {
    this.catalogue = catalogue;
    this.currency = currency;
  }

  record Result(List<Problem> problems, Map<Expression, Type> types, List<Set<String>> references) {}

  static Result check(RuleSetDocument doc, AttributeCatalogue catalogue) {
    Checker c = new Checker(catalogue, doc.currency());
    List<Problem> problems = c.problems;
    problems.addAll(doc.problems());
    // documents built in code never went through the reader: hold them to the same structure rules, without
    // repeating what the reader already said about a document read from JSON
    if (doc.problems().stream().noneMatch(p -> p.code().equals("malformed-json"))) {
      Set<String> reported = new HashSet<>();
      doc.problems().forEach(p -> reported.add(p.pointer()));
      doc.structureProblems().stream().filter(p -> !reported.contains(p.pointer())).forEach(problems::add);
    }
    List<RuleDefinition> rules = doc.rules();
    for (int i = 0; i < rules.size(); i++) {
      Integer previous = c.ruleIndex.putIfAbsent(rules.get(i).id(), i);
      if (previous != null) {
        problems.add(Problem.at("duplicate", pointer(rules.get(i)) + "/id", "rule id '" + rules.get(i).id()
            + "' is already used by the rule at " + pointer(rules.get(previous))));
      }
    }
    List<Set<String>> refs = new ArrayList<>();
    for (RuleDefinition rule : rules) {
      Set<String> r = new LinkedHashSet<>();
      refs.add(r);
      if (rule.condition().expression().isEmpty()) {
        continue;
      }
      c.current = rule.condition();
      c.currentRefs = r;
      c.nodes = 0;
      Expression root = rule.condition().expression().get();
      Type t = c.type(root);
      if (t != Type.BOOL && t != Type.ERROR) {
        c.error(root, "type-mismatch", "a rule's condition must be a condition, but was " + t.describe());
      }
      if (c.nodes > MAX_NODES_PER_RULE) {
        c.error(root, "limit", "a rule may have at most " + MAX_NODES_PER_RULE + " nodes, but rule '" + rule.id()
            + "' has " + c.nodes);
      }
    }
    c.cycles(rules, refs);
    return new Result(problems, c.types, refs);
  }

  private static String pointer(RuleDefinition rule) {
    return rule.pointer().isEmpty() ? "/rules/" + rule.id() : rule.pointer();
  }

  /** Reports every cycle of segment references once, found as a back edge of a depth-first walk. */
  private void cycles(List<RuleDefinition> rules, List<Set<String>> refs) {
    int[] state = new int[rules.size()]; // 0 unvisited, 1 on the current path, 2 done
    Set<List<String>> reported = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      if (state[i] == 0) {
        visit(i, rules, refs, state, new ArrayList<>(), reported);
      }
    }
  }

  private void visit(int i, List<RuleDefinition> rules, List<Set<String>> refs, int[] state, List<Integer> path,
      Set<List<String>> reported) {
    state[i] = 1;
    path.add(i);
    for (String ref : refs.get(i)) {
      Integer j = ruleIndex.get(ref);
      if (j == null) {
        continue;
      }
      if (state[j] == 1) {
        List<Integer> loop = path.subList(path.indexOf(j), path.size());
        List<String> ids = new ArrayList<>();
        loop.forEach(k -> ids.add(rules.get(k).id()));
        if (reported.add(canonical(ids))) {
          ids.add(rules.get(j).id());
          problems.add(Problem.at("cycle", pointer(rules.get(j)) + "/when",
              "segment references form a cycle: " + String.join(" -> ", ids)));
        }
      } else if (state[j] == 0) {
        visit(j, rules, refs, state, path, reported);
      }
    }
    path.remove(path.size() - 1);
    state[i] = 2;
  }

  /** The rotation of a cycle that starts with its smallest id, so that one cycle is reported once. */
  private static List<String> canonical(List<String> cycle) {
    int start = 0;
    for (int k = 1; k < cycle.size(); k++) {
      if (cycle.get(k).compareTo(cycle.get(start)) < 0) {
        start = k;
      }
    }
    List<String> out = new ArrayList<>(cycle.subList(start, cycle.size()));
    out.addAll(cycle.subList(0, start));
    return out;
  }

  private Type type(Expression e) {
    nodes++;
    Type t = compute(e);
    types.put(e, t);
    return t;
  }

  private Type compute(Expression e) {
    if (e instanceof Expression.NumberLiteral) {
      return Type.NUMBER;
    } else if (e instanceof Expression.StringLiteral) {
      return Type.STRING;
    } else if (e instanceof Expression.BooleanLiteral) {
      return Type.BOOL;
    } else if (e instanceof Expression.DurationLiteral) {
      return Type.DURATION;
    } else if (e instanceof Expression.MoneyLiteral m) {
      if (!m.value().currency().equals(currency)) {
        return error(e, "currency", "money literal " + m.value() + " must be in the rule set's currency " + currency);
      }
      return Type.MONEY;
    } else if (e instanceof Expression.SetLiteral s) {
      return setLiteral(s);
    } else if (e instanceof Expression.Attribute a) {
      return catalogue.find(a.name()).map(k -> Type.of(k.type()))
          .orElseGet(() -> error(e, "unknown-attribute", "unknown attribute '" + a.name() + "'" + didYouMean(a.name())));
    } else if (e instanceof Expression.Compare c) {
      return compare(c);
    } else if (e instanceof Expression.Between b) {
      Type v = type(b.value());
      Type lo = type(b.low());
      Type hi = type(b.high());
      if (v == Type.ERROR || lo == Type.ERROR || hi == Type.ERROR) {
        return Type.BOOL;
      }
      if ((v != Type.NUMBER && v != Type.MONEY) || lo != v || hi != v) {
        return error(e, "type-mismatch", "'between' needs three numbers or three amounts of money, but had "
            + v.describe() + ", " + lo.describe() + " and " + hi.describe());
      }
      return Type.BOOL;
    } else if (e instanceof Expression.In in) {
      Type v = type(in.value());
      Type s = type(in.set());
      if (v == Type.ERROR || s == Type.ERROR) {
        return Type.BOOL;
      }
      boolean ok = (v == Type.STRING && s == Type.STRING_SET_LITERAL && isAttribute(in.value()))
          || (v == Type.NUMBER && s == Type.NUMBER_SET_LITERAL);
      return ok ? Type.BOOL : error(e, "type-mismatch", "'in' needs a string attribute and a set of strings or a "
          + "number and a set of numbers, but had " + v.describe() + " and " + s.describe());
    } else if (e instanceof Expression.SetTest st) {
      Type s = type(st.set());
      Type o = type(st.operand());
      if (s == Type.ERROR || o == Type.ERROR) {
        return Type.BOOL;
      }
      if (s != Type.SET) {
        return error(e, "type-mismatch", "'" + st.op().keyword() + "' needs a set attribute on its left, but had "
            + s.describe());
      }
      boolean single = st.op() == Expression.SetOp.CONTAINS;
      if (single ? !(st.operand() instanceof Expression.StringLiteral) : o != Type.STRING_SET_LITERAL) {
        return error(st.operand(), "type-mismatch", "'" + st.op().keyword() + "' needs "
            + (single ? "a string literal" : "a set of strings such as {'a', 'b'}") + ", but had " + o.describe());
      }
      return Type.BOOL;
    } else if (e instanceof Expression.And a) {
      a.operands().forEach(this::condition);
      return Type.BOOL;
    } else if (e instanceof Expression.Or o) {
      o.operands().forEach(this::condition);
      return Type.BOOL;
    } else if (e instanceof Expression.Not n) {
      condition(n.operand());
      return Type.BOOL;
    } else if (e instanceof Expression.Arithmetic a) {
      return arithmetic(a);
    } else if (e instanceof Expression.Negate n) {
      Type t = type(n.operand());
      return t == Type.ERROR || t == Type.NUMBER || t == Type.MONEY ? t : error(n, "type-mismatch",
          "unary minus applies to a number or money, but '" + n.operand() + "' is " + t.describe());
    } else {
      return Functions.check((Expression.Call) e, this);
    }
  }

  private void condition(Expression e) {
    Type t = type(e);
    if (t != Type.BOOL && t != Type.ERROR) {
      error(e, "type-mismatch", "'and', 'or' and 'not' need conditions, but '" + e + "' is " + t.describe());
    }
  }

  private Type compare(Expression.Compare c) {
    Type l = type(c.left());
    Type r = type(c.right());
    if (l == Type.ERROR || r == Type.ERROR) {
      return Type.BOOL;
    }
    if (l != r) {
      return error(c, "type-mismatch", "cannot compare " + l.describe() + " with " + r.describe() + " in '" + c + "'");
    }
    boolean equality = c.op() == CompareOp.EQ || c.op() == CompareOp.NE;
    return switch (l) {
      case NUMBER, MONEY -> Type.BOOL;
      case STRING -> {
        if (!equality) {
          yield error(c, "type-mismatch", "strings can only be compared with == or !=, but was " + c.op().symbol());
        }
        boolean oneLiteral = (isAttribute(c.left()) && c.right() instanceof Expression.StringLiteral)
            || (isAttribute(c.right()) && c.left() instanceof Expression.StringLiteral);
        yield oneLiteral ? Type.BOOL : error(c, "type-mismatch",
            "compare a string attribute with a string literal, but was '" + c + "'");
      }
      case BOOL -> equality ? Type.BOOL : error(c, "type-mismatch", "conditions can only be compared with == or !=");
      default -> error(c, "type-mismatch", "cannot compare " + l.describe() + " with " + c.op().symbol()
          + "; use daysSince(...) or withinLast(...) for instants");
    };
  }

  private Type arithmetic(Expression.Arithmetic a) {
    Type l = type(a.left());
    Type r = type(a.right());
    if (l == Type.ERROR || r == Type.ERROR) {
      return Type.ERROR;
    }
    Type result = switch (a.op()) {
      case ADD, SUB -> l == r && (l == Type.NUMBER || l == Type.MONEY) ? l : null;
      case MUL -> l == Type.NUMBER && r == Type.NUMBER ? Type.NUMBER
          : (l == Type.MONEY && r == Type.NUMBER) || (l == Type.NUMBER && r == Type.MONEY) ? Type.MONEY : null;
      case DIV -> l == Type.NUMBER && r == Type.NUMBER ? Type.NUMBER
          : l == Type.MONEY && r == Type.NUMBER ? Type.MONEY : l == Type.MONEY && r == Type.MONEY ? Type.NUMBER : null;
    };
    return result != null ? result : error(a, "type-mismatch", "cannot apply '" + a.op().symbol() + "' to "
        + l.describe() + " and " + r.describe());
  }

  private Type setLiteral(Expression.SetLiteral s) {
    if (s.elements().size() > MAX_SET_SIZE) {
      return error(s, "limit", "a set may have at most " + MAX_SET_SIZE + " elements, but had " + s.elements().size());
    }
    boolean strings = true;
    boolean numbers = true;
    for (Expression el : s.elements()) {
      nodes++;
      strings &= el instanceof Expression.StringLiteral;
      numbers &= el instanceof Expression.NumberLiteral;
    }
    if (s.elements().isEmpty() || strings) {
      return Type.STRING_SET_LITERAL;
    }
    if (numbers) {
      return Type.NUMBER_SET_LITERAL;
    }
    return error(s, "type-mismatch", "a set must hold only string literals or only number literals: " + s);
  }

  static boolean isAttribute(Expression e) {
    return e instanceof Expression.Attribute;
  }

  // ---- used by Functions

  Type typeOf(Expression e) {
    return type(e);
  }

  boolean ruleExists(String id) {
    return ruleIndex.containsKey(id);
  }

  void reference(String id) {
    currentRefs.add(id);
  }

  AttributeCatalogue catalogue() {
    return catalogue;
  }

  Type error(Expression e, String code, String message) {
    Position p = current.positionOf(e);
    problems.add(new Problem(code, message, p.pointer(), p.line(), p.column()));
    return Type.ERROR;
  }

  private String didYouMean(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (AttributeKey<?> key : catalogue.all()) {
      String candidate = key.name();
      int d = candidate.endsWith("." + name) ? 1 : distance(name, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3) ? " (did you mean '" + best + "'?)" : "";
  }

  /** Levenshtein distance, O(n*m) on names of at most a few dozen characters. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
