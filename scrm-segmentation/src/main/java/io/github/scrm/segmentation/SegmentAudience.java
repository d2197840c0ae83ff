package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.Audience;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.spi.ContactEligibility;
import io.github.scrm.segmentation.spi.ProfileLookup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An audience for a push: customers matching one rule of a compiled rule set, who did not refuse personalised
 * marketing ({@code profile.noPersonalisedMarketing}) and whom the contact policy allows to contact now. Evaluated
 * live against the profile lookup as of the injected clock. Thread-safe.
 *
 * <pre>{@code
 * SegmentAudience a = SegmentAudience.builder("brand-x-discount-lovers").rule(rules, "brand_x_discount")
 *     .profiles(lookup).contactEligibility(policy::exclusion).businessTime(time).build();
 * SegmentAudience.DryRun preview = a.dryRun(20);   // size, sample, exclusions by reason
 * }</pre>
 */
public final class SegmentAudience implements Audience {

  /** Exclusion reason of customers who refused personalised marketing (PIPL art. 24). */
  public static final String NO_PERSONALISED_MARKETING = "no-personalised-marketing";

  /**
   * What a push to the audience would reach, before anything is sent.
   *
   * @param matching customers whose profile matches the rule
   * @param size customers who would be reached
   * @param sample the first members in customer-id order, at most the requested sample size
   * @param exclusions matching customers left out, counted by reason
   */
  public record DryRun(long matching, long size, List<CustomerId> sample, Map<String, Long> exclusions) {
    /** Copies the collections. */
    public DryRun {
      sample = ImmutableList.copyOf(sample);
      exclusions = ImmutableMap.copyOf(exclusions);
    }
  }

  private final String name;
  private final CompiledRuleSet rules;
  private final String rule;
  private final int ruleIndex;
  private final ProfileLookup profiles;
  private final ContactEligibility eligibility;
  private final BusinessTime time;

  private SegmentAudience(Builder b) {
    this.name = b.name;
    this.rules = b.rules;
    this.rule = b.rule;
    this.ruleIndex = b.rules.indexOf(b.rule);
    this.profiles = b.profiles;
    this.eligibility = b.eligibility;
    this.time = b.time;
  }

  /** A builder for an audience called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean contains(CustomerId customer) {
    Instant now = time.now();
    return profiles.find(customer).map(v -> exclusion(customer, v, now, rules.evaluator(now))).orElse(Optional.of(""))
        .isEmpty();
  }

  /**
   * The customers in the audience now, evaluated lazily as the stream is consumed. The stream may be made parallel:
   * an {@link Evaluator} is not thread-safe, so each thread that runs the filter gets its own.
   */
  @Override
  public Stream<CustomerId> members() {
    Instant now = time.now();
    ThreadLocal<Evaluator> evaluators = ThreadLocal.withInitial(() -> rules.evaluator(now));
    return profiles.ids().filter(id -> profiles.find(id)
        .map(v -> exclusion(id, v, now, evaluators.get()).isEmpty()).orElse(false));
  }

  /** Previews the audience: how many match, how many would be reached, a sample, and why the others are left out. */
  public DryRun dryRun(int sampleSize) {
    if (sampleSize < 0) {
      throw new IllegalArgumentException("sampleSize must not be negative, but was " + sampleSize);
    }
    Instant now = time.now();
    Evaluator ev = rules.evaluator(now);
    long matching = 0;
    long size = 0;
    Map<String, Long> exclusions = new TreeMap<>();
    java.util.TreeSet<CustomerId> sample = new java.util.TreeSet<>();
    for (CustomerId id : (Iterable<CustomerId>) profiles.ids()::iterator) {
      Optional<AttributeValues> v = profiles.find(id);
      if (v.isEmpty() || !matches(id, v.get(), ev)) {
        continue;
      }
      matching++;
      Optional<String> why = exclusion(id, v.get(), now, ev);
      if (why.isPresent()) {
        exclusions.merge(why.get(), 1L, Long::sum);
      } else {
        size++;
        sample.add(id);
        if (sample.size() > sampleSize) {
          sample.pollLast();
        }
      }
    }
    return new DryRun(matching, size, List.copyOf(sample), exclusions);
  }

  private boolean matches(CustomerId id, AttributeValues v, Evaluator ev) {
    return (ev.evaluate(rules.snapshot(v, profiles.extraTags(id)))[ruleIndex >>> 6] >>> ruleIndex & 1L) != 0;
  }

  /** Empty when the customer is in the audience, else why not ("not-matching" when the rule does not match). */
  private Optional<String> exclusion(CustomerId id, AttributeValues v, Instant now, Evaluator ev) {
    if (!matches(id, v, ev)) {
      return Optional.of("not-matching");
    }
    if (Boolean.TRUE.equals(v.get(StandardAttributes.NO_PERSONALISED_MARKETING))) {
      return Optional.of(NO_PERSONALISED_MARKETING);
    }
    return eligibility.exclusion(id, now);
  }

  @Override
  public String toString() {
    return "SegmentAudience[" + name + ": rule " + rule + " of " + rules.name() + " v" + rules.version() + "]";
  }

  /** Builds a {@link SegmentAudience}. */
  public static final class Builder {
    private final String name;
    private CompiledRuleSet rules;
    private String rule;
    private ProfileLookup profiles;
    private ContactEligibility eligibility;
    private BusinessTime time;

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("audience name must not be blank, but was '" + name + "'");
      }
      this.name = name;
    }

    /** The rule (tag or segment) whose matches form the audience. Required. */
    public Builder rule(CompiledRuleSet rules, String ruleId) {
      this.rules = Objects.requireNonNull(rules, "rules");
      this.rule = Objects.requireNonNull(ruleId, "ruleId");
      return this;
    }

    /** Where profiles are read. Required. */
    public Builder profiles(ProfileLookup profiles) {
      this.profiles = Objects.requireNonNull(profiles, "profiles");
      return this;
    }

    /** The contact-policy check. Required: pass {@link ContactEligibility#anyone()} only deliberately. */
    public Builder contactEligibility(ContactEligibility eligibility) {
      this.eligibility = Objects.requireNonNull(eligibility, "eligibility");
      return this;
    }

    /** The clock "now" is read from. Required. */
    public Builder businessTime(BusinessTime time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /** The audience. */
    public SegmentAudience build() {
      if (rules == null) {
        throw new IllegalStateException("rule is required: pass rule(compiledRuleSet, \"rule id\")");
      }
      if (rules.indexOf(rule) < 0) {
        throw new IllegalStateException("rule set '" + rules.name() + "' has no rule '" + rule + "'; rules are "
            + rules.ruleIds());
      }
      if (profiles == null) {
        throw new IllegalStateException("profiles is required: pass ProfileLookup.of(map) or your own ProfileLookup");
      }
      if (eligibility == null) {
        throw new IllegalStateException("contactEligibility is required: wire the contact policy, or pass "
            + "ContactEligibility.anyone() for a preview without it");
      }
      if (time == null) {
        throw new IllegalStateException("businessTime is required: pass BusinessTime.of(clock)");
      }
      return new SegmentAudience(this);
    }
  }
}
