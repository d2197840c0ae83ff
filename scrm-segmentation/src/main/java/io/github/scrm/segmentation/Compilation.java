package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableList;
import io.github.scrm.segmentation.rule.Problem;
import java.util.List;

/** The outcome of validating and compiling a rule set: compiled, or rejected with every problem found. */
public sealed interface Compilation {

  /** The rule set is valid and ready to evaluate. */
  record Compiled(CompiledRuleSet ruleSet) implements Compilation {}

  /** The rule set is invalid; it was not compiled and nothing active was replaced. */
  record Rejected(List<Problem> problems) implements Compilation {
    /** Copies the problems. */
    public Rejected {
      problems = ImmutableList.copyOf(problems);
    }

    /** One problem per line. */
    public String report() {
      return String.join("\n", problems.stream().map(Problem::toString).toList());
    }
  }

  /** The compiled rule set, or an {@link IllegalStateException} listing the problems (for tests and scripts). */
  default CompiledRuleSet orThrow() {
    if (this instanceof Compiled c) {
      return c.ruleSet();
    }
    throw new IllegalStateException("rule set is invalid:\n" + ((Rejected) this).report());
  }
}
