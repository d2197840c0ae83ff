package io.github.scrm.core.contact;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.ContactSubject;
import io.github.scrm.core.spi.ContactSubjects;
import io.github.scrm.core.time.BusinessTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "may this customer be contacted on this channel for this purpose at this instant?" before any outbound
 * message, and records the contacts it allows.
 *
 * <pre>{@code
 * ContactPolicy policy = ContactPolicy.builder()
 *     .subjects(subjects)                    // what is known about customers: consents, PIPL flag, zone
 *     .ledger(ContactLedgers.inMemory())     // or the host's database ledger
 *     .build();                              // ContactRules.defaults(), business zone Asia/Shanghai
 * ContactDecision decision = policy.checkAndRecord(
 *     ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, clock.instant()));
 * }</pre>
 *
 * <p>Contacts are judged and recorded under the customer of the {@link ContactSubject} that {@link ContactSubjects}
 * returns, not the id in the request: with {@code ProfilePorts.contactSubjects(scrm)}, an id merged into another
 * customer is counted against the surviving customer's caps and campaigns. The contacts recorded under the subject's
 * {@link ContactSubject#mergedIds() merged ids} before their merge count too: each limit passed to
 * {@link ContactLedger#recordIfWithin} is lowered by the matching contacts recorded under them. No contact is recorded
 * under a merged id afterwards, so those counts do not change; only a contact recorded under an id while that id is
 * being merged can escape a check that runs at the same moment.
 *
 * <p>Rules run in their configured order: first the rules that judge from the customer (consent, opt-out, PIPL flag,
 * quiet hours), then the limits on recorded contacts (caps, campaigns), which the ledger checks in the same order. The
 * first rule that denies is reported. Thread-safe.
 */
public final class ContactPolicy {

  private static final Logger log = LoggerFactory.getLogger(ContactPolicy.class);
  private static final ContactDecision.Allowed ALLOWED = new ContactDecision.Allowed();

  private final ContactSubjects subjects;
  private final ContactLedger ledger;
  private final List<ContactRule> rules;
  private final ZoneId zone;

  private ContactPolicy(Builder builder) {
    this.subjects = builder.subjects;
    this.ledger = builder.ledger;
    this.rules = List.copyOf(builder.rules == null ? ContactRules.defaults() : builder.rules);
    this.zone = builder.zone;
  }

  /** Starts a policy; {@link Builder#subjects} and {@link Builder#ledger} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code request} would be allowed now, without recording it. Use {@link #checkAndRecord} to send. */
  public ContactDecision check(ContactRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<ContactSubject> subject = subjects.find(request.customer());
    Optional<ContactDecision.Denied> denied = judge(request, subject);
    if (denied.isPresent()) {
      return denied.get();
    }
    ContactRequest canonical = canonical(request, subject.get());
    for (ContactLimit limit : limits(canonical)) {
      if (ledger.count(canonical.customer(), limit) + countMerged(subject.get(), limit) >= limit.max()) {
        return deny(canonical, limit);
      }
    }
    return ALLOWED;
  }

  /** {@link #check(ContactRequest)} for a personalised one-to-one message, with an optional campaign. */
  public ContactDecision check(CustomerId customer, ContactChannel channel, ContactPurpose purpose,
      Optional<CampaignId> campaign, Instant instant) {
    return check(ContactRequest.of(customer, channel, purpose, instant).withCampaign(campaign));
  }

  /**
   * Checks {@code request} and, when allowed, records it in the ledger in the same atomic step per customer: of
   * concurrent callers for the same customer, no more pass a cap than it allows. Call it right before sending.
   */
  public ContactDecision checkAndRecord(ContactRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<ContactSubject> subject = subjects.find(request.customer());
    Optional<ContactDecision.Denied> denied = judge(request, subject);
    if (denied.isPresent()) {
      return denied.get();
    }
    ContactRequest canonical = canonical(request, subject.get());
    List<ContactLimit> limits = limits(canonical);
    List<ContactLimit> left = new ArrayList<>(limits.size());
    for (ContactLimit limit : limits) {
      long merged = countMerged(subject.get(), limit);
      if (merged >= limit.max()) {
        return deny(canonical, limit);
      }
      left.add(merged == 0 ? limit : ImmutableContactLimit.copyOf(limit).withMax((int) (limit.max() - merged)));
    }
    Optional<ContactLimit> reached = ledger.recordIfWithin(ContactRecord.of(canonical), left);
    if (reached.isPresent()) {
      return deny(canonical, limits.get(indexOf(left, reached.get())));
    }
    if (log.isDebugEnabled()) {
      log.debug("contact allowed and recorded: customer={} channel={} purpose={}",
          canonical.customer(), canonical.channel(), canonical.purpose());
    }
    return ALLOWED;
  }

  /** {@link #checkAndRecord(ContactRequest)} for a personalised one-to-one message, with an optional campaign. */
  public ContactDecision checkAndRecord(CustomerId customer, ContactChannel channel, ContactPurpose purpose,
      Optional<CampaignId> campaign, Instant instant) {
    return checkAndRecord(ContactRequest.of(customer, channel, purpose, instant).withCampaign(campaign));
  }

  /** The rules in the order they run. */
  public List<ContactRule> rules() {
    return rules;
  }

  /**
   * {@code request} addressed to the customer the subject belongs to: an id merged into another customer answers with
   * the survivor's subject, and the caps and campaigns of one person must be counted under one id.
   */
  private static ContactRequest canonical(ContactRequest request, ContactSubject subject) {
    return subject.customer().equals(request.customer())
        ? request
        : ImmutableContactRequest.copyOf(request).withCustomer(subject.customer());
  }

  private Optional<ContactDecision.Denied> judge(ContactRequest request, Optional<ContactSubject> subject) {
    if (subject.isEmpty()) {
      log.debug("contact denied: customer={} is unknown", request.customer());
      return Optional.of(new ContactDecision.Denied(DenialReason.UNKNOWN_CUSTOMER, "known-customer",
          "customer " + request.customer() + " is unknown or erased"));
    }
    for (ContactRule rule : rules) {
      Optional<ContactDecision.Denied> denied = rule.judge(request, subject.get(), zone);
      if (denied.isPresent()) {
        log.debug("contact denied: customer={} rule={}", request.customer(), denied.get().rule());
        return denied;
      }
    }
    return Optional.empty();
  }

  /** How many contacts recorded under the ids merged into the subject's customer match {@code limit}. */
  private long countMerged(ContactSubject subject, ContactLimit limit) {
    long count = 0;
    for (CustomerId merged : subject.mergedIds()) {
      count += ledger.count(merged, limit);
    }
    return count;
  }

  /** Where {@code reached}, as the ledger returned it, is in {@code limits}: the same object, else an equal one. */
  private static int indexOf(List<ContactLimit> limits, ContactLimit reached) {
    for (int i = 0; i < limits.size(); i++) {
      if (limits.get(i) == reached) {
        return i;
      }
    }
    int equal = limits.indexOf(reached);
    if (equal < 0) {
      throw new IllegalStateException("the contact ledger reported a limit it was not given: " + reached.rule());
    }
    return equal;
  }

  private List<ContactLimit> limits(ContactRequest request) {
    List<ContactLimit> limits = new ArrayList<>(rules.size());
    for (ContactRule rule : rules) {
      limits.addAll(rule.limits(request, zone));
    }
    return limits;
  }

  private ContactDecision.Denied deny(ContactRequest request, ContactLimit limit) {
    log.debug("contact denied: customer={} rule={}", request.customer(), limit.rule());
    // no instants in the text: formatting them cost more than the whole check, and denials are frequent
    return new ContactDecision.Denied(limit.reason(), limit.rule(),
        limit.description() + ", and " + limit.max() + " already recorded");
  }

  @Override
  public String toString() {
    return "ContactPolicy{rules=" + rules.stream().map(ContactRule::name).toList() + ", zone=" + zone + "}";
  }

  /** Configures a {@link ContactPolicy}. */
  public static final class Builder {
    private ContactSubjects subjects;
    private ContactLedger ledger;
    private List<ContactRule> rules;
    private ZoneId zone = BusinessTime.SHANGHAI;

    private Builder() {}

    /** What is known about customers (required). */
    public Builder subjects(ContactSubjects subjects) {
      this.subjects = Objects.requireNonNull(subjects, "subjects");
      return this;
    }

    /** Where contacts are recorded (required). */
    public Builder ledger(ContactLedger ledger) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /** The rules, in order; {@link ContactRules#defaults()} when not set. */
    public Builder rules(List<? extends ContactRule> rules) {
      Objects.requireNonNull(rules, "rules");
      if (rules.isEmpty()) {
        throw new IllegalArgumentException(
            "rules must not be empty: a policy without rules allows everything; pass ContactRules.defaults()");
      }
      List<ContactRule> copy = new ArrayList<>(rules.size());
      for (ContactRule rule : rules) {
        copy.add(Objects.requireNonNull(rule, "rules must not contain null"));
      }
      this.rules = copy;
      return this;
    }

    /** The business zone calendar caps are counted in; {@code Asia/Shanghai} unless set. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The business zone of {@code time}. */
    public Builder time(BusinessTime time) {
      return zone(time.zone());
    }

    /** The policy; fails naming what is missing. */
    public ContactPolicy build() {
      if (subjects == null) {
        throw new IllegalStateException(
            "subjects is required: pass new InMemoryContactSubjects() or the profile store's ContactSubjects");
      }
      if (ledger == null) {
        throw new IllegalStateException("ledger is required: pass ContactLedgers.inMemory() or your own ContactLedger");
      }
      return new ContactPolicy(this);
    }
  }
}
