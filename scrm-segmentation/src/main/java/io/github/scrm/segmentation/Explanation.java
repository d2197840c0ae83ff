package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;

/**
 * Why a rule matched a profile or not: the tree of sub-conditions with the value each had, printable for a person
 * with {@link #toString()}. Conditions are three-valued: {@code UNKNOWN} means an attribute the condition needs was
 * absent, and a rule matches only when its condition is {@code TRUE}.
 */
public final class Explanation {

  /**
   * One node of the tree.
   *
   * @param expression the sub-expression as text
   * @param value what it evaluated to: TRUE, FALSE, UNKNOWN, a number, an amount, a set, or {@code absent}
   * @param children the operands that were evaluated
   */
  public record Node(String expression, String value, List<Node> children) {
    /** Copies the children. */
    public Node {
      children = ImmutableList.copyOf(children);
    }
  }

  private final String rule;
  private final String ruleSet;
  private final long version;
  private final Instant asOf;
  private final boolean matched;
  private final Node root;

  Explanation(String rule, String ruleSet, long version, Instant asOf, boolean matched, Node root) {
    this.rule = rule;
    this.ruleSet = ruleSet;
    this.version = version;
    this.asOf = asOf;
    this.matched = matched;
    this.root = root;
  }

  /** The explained rule's id. */
  public String rule() {
    return rule;
  }

  /** Whether the rule matched (its condition was TRUE). */
  public boolean matched() {
    return matched;
  }

  /** The evaluation instant. */
  public Instant asOf() {
    return asOf;
  }

  /** The root of the tree (the rule's whole condition). */
  public Node root() {
    return root;
  }

  /** The tree, one node per line, each with its value. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(rule).append(matched ? ": matched" : ": not matched").append(" (rule set ").append(ruleSet)
        .append(" v").append(version).append(", as of ").append(asOf).append(")\n");
    print(root, "", true, true, sb);
    return sb.toString();
  }

  private static void print(Node n, String indent, boolean last, boolean root, StringBuilder sb) {
    sb.append(indent).append(root ? "" : last ? "└─ " : "├─ ").append(n.expression()).append("  → ")
        .append(n.value()).append('\n');
    String childIndent = root ? "" : indent + (last ? "   " : "│  ");
    for (int i = 0; i < n.children().size(); i++) {
      print(n.children().get(i), childIndent, i == n.children().size() - 1, false, sb);
    }
  }
}
