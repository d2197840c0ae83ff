package io.github.scrm.segmentation.rule;

import com.google.common.collect.ImmutableList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A condition as read from a document: the tree, where each node came from, and the problems found while reading it.
 * Positions are kept beside the tree (by node identity) so that equal conditions stay equal whatever their form.
 */
public final class ParsedCondition {

  /** Where a node was written: JSON pointer and, for expression text, line and column. */
  public record Position(String pointer, int line, int column) {}

  private final Optional<Expression> expression;
  private final IdentityHashMap<Expression, Position> positions;
  private final ImmutableList<Problem> problems;
  private final Position origin;

  ParsedCondition(
      Optional<Expression> expression, Map<Expression, Position> positions, List<Problem> problems, Position origin) {
    this.expression = expression;
    this.positions = new IdentityHashMap<>(positions);
    this.problems = ImmutableList.copyOf(problems);
    this.origin = origin;
  }

  /** The tree, empty when the text could not be parsed. */
  public Optional<Expression> expression() {
    return expression;
  }

  /** Problems found while reading (syntax, malformed literals); validation adds the semantic ones. */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  /** Where {@code node} (an instance of this tree) was written, or the condition's own position. */
  public Position positionOf(Expression node) {
    Position p = positions.get(node);
    return p == null ? origin : p;
  }

  /** Where the condition as a whole was written. */
  public Position origin() {
    return origin;
  }
}
