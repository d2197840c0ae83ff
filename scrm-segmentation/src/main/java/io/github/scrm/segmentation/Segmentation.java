package io.github.scrm.segmentation;

import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.rule.Problem;
import io.github.scrm.segmentation.rule.RuleSetDocument;
import io.github.scrm.segmentation.rule.RuleSetReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the rule engine: validates and compiles rule sets against an attribute catalogue and holds the
 * active one.
 *
 * <pre>{@code
 * Segmentation seg = Segmentation.builder().businessTime(BusinessTime.of(clock)).build();
 * Compilation c = seg.activate(json);            // Compiled, or Rejected with every problem
 * TagResult tags = seg.active().orElseThrow().evaluate(attributeValues, clock.instant());
 * }</pre>
 *
 * A rule set that fails validation is never compiled, never evaluated and never replaces the active one. Thread-safe.
 */
public final class Segmentation {

  private static final Logger LOG = LoggerFactory.getLogger(Segmentation.class);

  private final AttributeCatalogue catalogue;
  private final BusinessTime time;
  private final AtomicReference<@Nullable CompiledRuleSet> active = new AtomicReference<>();

  private Segmentation(Builder b) {
    this.catalogue = b.catalogue;
    this.time = Objects.requireNonNull(b.time);
  }

  /** A builder; {@link Builder#businessTime} is required, the catalogue defaults to the standard one. */
  public static Builder builder() {
    return new Builder();
  }

  /** Validates and compiles a rule-set JSON document. */
  public Compilation compile(String json) {
    return compile(RuleSetReader.read(json));
  }

  /** Validates and compiles a rule-set document (read from JSON or built in code). */
  public Compilation compile(RuleSetDocument document) {
    Checker.Result checked = Checker.check(document, catalogue);
    if (!checked.problems().isEmpty()) {
      return new Compilation.Rejected(checked.problems());
    }
    Compiler.Plan plan = Compiler.compile(document, catalogue, checked.types());
    return new Compilation.Compiled(new CompiledRuleSet(document, catalogue, time.zone(), plan));
  }

  /** Every problem of a rule-set document; empty when it is valid. */
  public List<Problem> validate(String json) {
    return validate(RuleSetReader.read(json));
  }

  /** Every problem of a rule-set document (read from JSON or built in code); empty when it is valid. */
  public List<Problem> validate(RuleSetDocument document) {
    return Checker.check(document, catalogue).problems();
  }

  /** Compiles {@code json} and, only when it is valid, makes it the active rule set. */
  public Compilation activate(String json) {
    return activate(RuleSetReader.read(json));
  }

  /** Compiles {@code document} and, only when it is valid, makes it the active rule set. */
  public Compilation activate(RuleSetDocument document) {
    Compilation c = compile(document);
    if (c instanceof Compilation.Compiled compiled) {
      CompiledRuleSet previous = active.getAndSet(compiled.ruleSet());
      LOG.debug("activated rule set {} v{} (replacing {})", document.name(), document.version(), previous);
    } else {
      LOG.debug("rejected rule set {} v{}: {} problems; the active rule set stays", document.name(),
          document.version(), ((Compilation.Rejected) c).problems().size());
    }
    return c;
  }

  /** The active rule set, if one was activated. */
  public Optional<CompiledRuleSet> active() {
    return Optional.ofNullable(active.get());
  }

  /** The catalogue rules are validated against. */
  public AttributeCatalogue catalogue() {
    return catalogue;
  }

  /** The injected clock and business zone. */
  public BusinessTime time() {
    return time;
  }

  /** Builds a {@link Segmentation}. */
  public static final class Builder {
    private AttributeCatalogue catalogue = AttributeCatalogue.standard();
    private @Nullable BusinessTime time;

    private Builder() {}

    /** The catalogue with the host's own attributes; default {@link AttributeCatalogue#standard()}. */
    public Builder catalogue(AttributeCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /** The clock and business zone in which days, months and birthdays are counted. Required. */
    public Builder businessTime(BusinessTime time) {
      this.time = Objects.requireNonNull(time, "businessTime");
      return this;
    }

    /** The configured engine. */
    public Segmentation build() {
      if (time == null) {
        throw new IllegalStateException(
            "businessTime is required: pass BusinessTime.of(Clock.systemUTC()) or a fixed clock in tests");
      }
      return new Segmentation(this);
    }
  }
}
