package io.github.scrm.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The answer to defining a programme or campaign. */
public sealed interface Definition {

  /**
   * The definition was accepted.
   *
   * @param id the programme or campaign id
   * @param definedAt when
   * @param override the legal override that was needed and is now on record, if any
   * @param overridden the guardrail findings the override set aside (empty without override)
   */
  record Accepted(String id, Instant definedAt, Optional<LegalOverride> override, List<String> overridden)
      implements Definition {
    /** Copies the list. */
    public Accepted {
      overridden = List.copyOf(overridden);
    }
  }

  /**
   * The definition was refused; nothing was stored.
   *
   * @param problems every problem found, each naming the rule and the value
   */
  record Refused(List<String> problems) implements Definition {
    /** Copies the list. */
    public Refused {
      problems = List.copyOf(problems);
    }
  }
}
