package io.github.scrm.core.profile;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeText;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.InfluenceScored;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.StaffContact;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.PersonalData;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.time.BusinessTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable view of one customer: who they are (member since, level and its history, name, gender, birthday, city,
 * registration channel, identifiers, consents, owning staff, tags, custom attributes) and what they did (orders,
 * refunds, social and community activity, referrals) in a compact form from which every metric is computed as of any
 * instant through {@link #attributesAt}.
 *
 * <p>A profile is a pure function of its customer's events and identifiers: {@link #with(CustomerEvent)} in any
 * order gives the same attribute values as {@link #replay} over the event log, so metrics never drift. Each field takes
 * the value of the latest event that set it (by occurred-at); membership keeps the earliest join.
 *
 * <p>The name, birthday and identifiers are personal data: {@link #toString()} masks them.
 */
public final class CustomerProfile {

  private static final Identifier[] NO_IDENTIFIERS = new Identifier[0];
  /** Up to this many events, {@link #replay} applies them one after another. */
  private static final int REPLAY_RUN = 32;

  private final CustomerId id;
  private final Identifier[] identifiers;
  private final ProfileFields fields;
  // The parts of the customer's Activity, held here rather than in an Activity object of their own: each event makes
  // a new profile, and one object fewer per event is one fewer for the young collections to copy and for a read to
  // follow. activity() puts them together again.
  private final OrderFact[] orders;
  private final Activity.RefundFact[] refunds;
  private final long[] marks;
  private final long[] followers;
  private final String[] topics;
  private final long[] topicFirstAt;
  private final long[] influenceAt;
  private final BigDecimal[] influence;
  private final int events;
  private final @Nullable Instant erasedAt;

  private CustomerProfile(CustomerId id, Identifier[] identifiers, ProfileFields fields, OrderFact[] orders,
      Activity.RefundFact[] refunds, long[] marks, long[] followers, String[] topics, long[] topicFirstAt,
      long[] influenceAt, BigDecimal[] influence, int events, @Nullable Instant erasedAt) {
    this.id = id;
    this.identifiers = identifiers;
    this.fields = fields;
    this.orders = orders;
    this.refunds = refunds;
    this.marks = marks;
    this.followers = followers;
    this.topics = topics;
    this.topicFirstAt = topicFirstAt;
    this.influenceAt = influenceAt;
    this.influence = influence;
    this.events = events;
    this.erasedAt = erasedAt;
  }

  private CustomerProfile(CustomerId id, Identifier[] identifiers, ProfileFields fields, Activity a, int events,
      @Nullable Instant erasedAt) {
    this(id, identifiers, fields, a.orders, a.refunds, a.marks, a.followers, a.topics, a.topicFirstAt, a.influenceAt,
        a.influence, events, erasedAt);
  }

  /** {@code base} with one more event, which changed the activity's parts to those given. */
  private CustomerProfile(CustomerProfile base, OrderFact[] orders, Activity.RefundFact[] refunds, long[] marks,
      long[] followers, String[] topics, long[] topicFirstAt, long[] influenceAt, BigDecimal[] influence) {
    this(base.id, base.identifiers, base.fields, orders, refunds, marks, followers, topics, topicFirstAt, influenceAt,
        influence, base.events + 1, base.erasedAt);
  }

  /** {@code base}'s activity with the other parts given. */
  private CustomerProfile(CustomerProfile base, Identifier[] identifiers, ProfileFields fields, int events,
      @Nullable Instant erasedAt) {
    this(base.id, identifiers, fields, base.orders, base.refunds, base.marks, base.followers, base.topics,
        base.topicFirstAt, base.influenceAt, base.influence, events, erasedAt);
  }

  /** A customer with no events and no identifiers yet. */
  public static CustomerProfile empty(CustomerId id) {
    return new CustomerProfile(Objects.requireNonNull(id, "id"), NO_IDENTIFIERS, ProfileFields.EMPTY, Activity.EMPTY,
        0, null);
  }

  /**
   * The profile of {@code id} rebuilt from its events, in any order, with the given identifiers. Each half of the events
   * is rebuilt on its own and the halves combined ({@link #withEventsOf}), so a long history costs
   * {@code n log n} copying rather than the {@code n²} of applying one event after another.
   */
  public static CustomerProfile replay(
      CustomerId id, Collection<Identifier> identifiers, Iterable<? extends CustomerEvent> events) {
    List<CustomerEvent> all = new ArrayList<>();
    events.forEach(all::add);
    return empty(id).withIdentifiers(identifiers).withEventsOf(replay(id, all, 0, all.size()));
  }

  private static CustomerProfile replay(CustomerId id, List<CustomerEvent> events, int from, int to) {
    if (to - from <= REPLAY_RUN) {
      CustomerProfile profile = empty(id);
      for (int i = from; i < to; i++) {
        profile = profile.with(events.get(i));
      }
      return profile;
    }
    int middle = (from + to) >>> 1;
    return replay(id, events, from, middle).withEventsOf(replay(id, events, middle, to));
  }

  /**
   * This profile with the events of {@code other} applied, in one pass: the same profile as applying each of them
   * with {@link #with} in the order {@code other} received them. For merging customers, whose events are distinct;
   * the identifiers and the erasure stay this profile's.
   *
   * @throws IllegalArgumentException if {@code other} was erased: its personal data, and so its events, are gone
   */
  public CustomerProfile withEventsOf(CustomerProfile other) {
    if (other.erasedAt != null) {
      throw new IllegalArgumentException(
          "an erased profile's events cannot be applied to another, but " + other.id + " was erased at "
              + other.erasedAt);
    }
    if (other.events == 0) {
      return this;
    }
    return new CustomerProfile(id, identifiers, fields.combined(other.fields), activity().combined(other.activity()),
        events + other.events, erasedAt);
  }

  /**
   * This profile with {@code event} applied. It does not check the event id (idempotency is the event log's job) or
   * the identifiers (resolution decides whose event it is).
   */
  public CustomerProfile with(CustomerEvent event) {
    // each kind builds the next profile itself: no Activity object in between
    if (event instanceof Purchase p) {
      return new CustomerProfile(this, Activity.withOrder(orders, OrderFact.of(p)), refunds, marks, followers, topics,
          topicFirstAt, influenceAt, influence);
    } else if (event instanceof Refund r) {
      return new CustomerProfile(this, orders, Activity.withRefund(refunds, r), marks, followers, topics,
          topicFirstAt, influenceAt, influence);
    } else if (event instanceof SocialInteraction s) {
      return withSocial(s);
    } else if (event instanceof MembershipJoined j) {
      return new CustomerProfile(this, identifiers, fields.with(j), events + 1, erasedAt);
    } else if (event instanceof ProfileUpdated u) {
      return new CustomerProfile(this, identifiers, fields.with(u), events + 1, erasedAt);
    } else if (event instanceof ConsentChanged c) {
      return new CustomerProfile(this, identifiers, fields.with(c), events + 1, erasedAt);
    } else if (event instanceof InfluenceScored s) {
      long[] at = Arrays.copyOf(influenceAt, influenceAt.length + 1);
      BigDecimal[] scores = Arrays.copyOf(influence, influence.length + 1);
      at[influenceAt.length] = s.occurredAt().toEpochMilli();
      scores[influence.length] = s.score();
      return new CustomerProfile(this, orders, refunds, marks, followers, topics, topicFirstAt, at, scores);
    } else if (event instanceof StaffContact) {
      return new CustomerProfile(this, identifiers, fields, events + 1, erasedAt);
    }
    int code = Activity.markCode(event);
    if (code >= 0) {
      return withMark(event.occurredAt(), code);
    }
    throw new IllegalStateException("unknown event type " + event.getClass().getName());
  }

  private CustomerProfile withMark(Instant at, int code) {
    return new CustomerProfile(this, orders, refunds, Activity.insertMark(marks, at.toEpochMilli(), code), followers,
        topics, topicFirstAt, influenceAt, influence);
  }

  /** A mark, a follower report if the interaction has one, and its topics (each keeps its earliest sighting). */
  private CustomerProfile withSocial(SocialInteraction s) {
    long at = s.occurredAt().toEpochMilli();
    String[] newTopics = topics;
    long[] newTopicAt = topicFirstAt;
    List<String> eventTopics = s.topics();
    for (int t = 0; t < eventTopics.size(); t++) {
      String topic = eventTopics.get(t);
      int i = Activity.indexOf(newTopics, topic);
      if (i < 0) {
        newTopics = Arrays.copyOf(newTopics, newTopics.length + 1);
        newTopics[newTopics.length - 1] = OrderFact.NAMES.intern(topic);
        newTopicAt = Arrays.copyOf(newTopicAt, newTopicAt.length + 1);
        newTopicAt[newTopicAt.length - 1] = at;
      } else if (at < newTopicAt[i]) {
        newTopicAt = newTopicAt.clone();
        newTopicAt[i] = at;
      }
    }
    return new CustomerProfile(this, orders, refunds, Activity.insertMark(marks, at, Activity.code(s)),
        Activity.withFollowerReport(followers, s), newTopics, newTopicAt, influenceAt, influence);
  }

  /**
   * Whether applying {@code s} would leave the interest topics as they are: each of its topics already known, first
   * seen no later than {@code s}.
   */
  boolean knowsTopicsOf(SocialInteraction s) {
    List<String> eventTopics = s.topics();
    long at = s.occurredAt().toEpochMilli();
    for (int t = 0; t < eventTopics.size(); t++) {
      int i = Activity.indexOf(topics, eventTopics.get(t));
      if (i < 0 || at < topicFirstAt[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * This profile with the facts of {@code count} more events that changed nothing else ({@link ActivityBuffer}):
   * marks sorted, follower reports and refunds (three values each: the order's key, the instant, the amount) in
   * arrival order.
   */
  CustomerProfile withFacts(long[] newMarks, long[] newFollowers, long[] newRefunds, int count) {
    long[] allMarks = marks;
    if (newMarks.length > 0) {
      allMarks = new long[marks.length + newMarks.length];
      int i = 0;
      int j = 0;
      for (int k = 0; k < allMarks.length; k++) {
        allMarks[k] = j == newMarks.length || (i < marks.length && marks[i] <= newMarks[j])
            ? marks[i++] : newMarks[j++];
      }
    }
    long[] allFollowers = Activity.concat(followers, newFollowers);
    Activity.RefundFact[] allRefunds = refunds;
    if (newRefunds.length > 0) {
      allRefunds = Arrays.copyOf(refunds, refunds.length + newRefunds.length / 3);
      for (int v = 0, r = refunds.length; v < newRefunds.length; v += 3, r++) {
        allRefunds[r] = new Activity.RefundFact(newRefunds[v], newRefunds[v + 1], newRefunds[v + 2]);
      }
    }
    return new CustomerProfile(id, identifiers, fields, orders, allRefunds, allMarks, allFollowers, topics,
        topicFirstAt, influenceAt, influence, events + count, erasedAt);
  }

  /** This profile with exactly {@code newIdentifiers}. */
  public CustomerProfile withIdentifiers(Collection<Identifier> newIdentifiers) {
    Identifier[] ids = ImmutableSet.copyOf(newIdentifiers).toArray(NO_IDENTIFIERS);
    return new CustomerProfile(this, ids, fields, events, erasedAt);
  }

  /**
   * This profile after a PIPL erasure at {@code at}: no identifiers, name, birthday, gender, location, consents,
   * tags, custom attributes or interest topics; the anonymous aggregates (orders, amounts, counts) stay.
   */
  public CustomerProfile erased(Instant at) {
    return new CustomerProfile(id, NO_IDENTIFIERS, fields.anonymised(), activity().anonymised(), events,
        Objects.requireNonNull(at, "at"));
  }

  /**
   * The attribute values as of {@code asOf}, with calendar computations (age, days since) in {@code zone}. Windowed
   * metrics ({@code .30d}) count events with occurred-at in {@code (asOf - 30 days, asOf]}; events after
   * {@code asOf} are ignored. Instants count to the millisecond: an event and {@code asOf} are both taken down to
   * theirs. Creating the view is free; each read scans this customer's facts.
   */
  public AttributeValues attributesAt(Instant asOf, ZoneId zone) {
    return attributesAt(asOf, zone, currency());
  }

  /**
   * {@link #attributesAt(Instant, ZoneId)} with amounts in {@code currency} also for a customer without orders, whose
   * spend is zero in it: the instance's currency ({@code Scrm.attributes} passes it). Without it, a customer without
   * orders has their spend in CNY.
   */
  public AttributeValues attributesAt(Instant asOf, ZoneId zone, Currency currency) {
    return new ProfileAttributes(this, activity(), fields, Objects.requireNonNull(asOf, "asOf"),
        Objects.requireNonNull(zone, "zone"), Objects.requireNonNull(currency, "currency"));
  }

  /** The attribute values as of {@code asOf} in {@link BusinessTime#SHANGHAI}. */
  public AttributeValues attributesAt(Instant asOf) {
    return attributesAt(asOf, BusinessTime.SHANGHAI);
  }

  /** Every attribute of {@code keys} with a value as of {@code asOf}, by name, in the order of {@code keys}. */
  public Map<String, Object> snapshot(Collection<? extends AttributeKey<?>> keys, Instant asOf, ZoneId zone) {
    AttributeValues values = attributesAt(asOf, zone);
    Map<String, Object> out = new LinkedHashMap<>();
    for (AttributeKey<?> key : keys) {
      Object v = values.get(key);
      if (v != null) {
        out.put(key.name(), v);
      }
    }
    return out;
  }

  /** The customer id. */
  public CustomerId id() {
    return id;
  }

  /** The identifiers bound to this customer. */
  public ImmutableSet<Identifier> identifiers() {
    return ImmutableSet.copyOf(identifiers);
  }

  /** The name, personal data: never log it; see {@link #maskedName()}. */
  public Optional<String> name() {
    return Optional.ofNullable(ProfileFields.value(fields.name));
  }

  /** The name masked for display ({@code 张*}), empty when unknown. */
  public String maskedName() {
    return name().map(PersonalData::maskName).orElse("");
  }

  /** The stated gender. */
  public Optional<Gender> gender() {
    return Optional.ofNullable(ProfileFields.value(fields.gender));
  }

  /** The birthday, personal data. */
  public Optional<LocalDate> birthday() {
    return Optional.ofNullable(ProfileFields.value(fields.birthday));
  }

  /** The city. */
  public Optional<String> city() {
    return Optional.ofNullable(ProfileFields.value(fields.city));
  }

  /** When the customer first joined, and through which channel ({@link #registrationChannel()}). */
  public Optional<Instant> memberSince() {
    return Optional.ofNullable(fields.memberSince);
  }

  /** The channel of the earliest membership join. */
  public Optional<String> registrationChannel() {
    return Optional.ofNullable(fields.registrationChannel);
  }

  /** Every member level the customer held, oldest first; the last is the current one. */
  public ImmutableList<LevelChange> levelHistory() {
    return ImmutableList.copyOf(fields.levels);
  }

  /**
   * The staff member who owns the customer as the host last reported it, in the latest {@code profile.updated} event
   * that set it (for example from the ERP's customer record), for display and for rules that read {@code
   * profile.staff}. It is not kept in step with {@link io.github.scrm.core.staff.StaffDirectory}: acquisitions,
   * transfers and departures there change no profile. The directory is the source of truth for ownership, and
   * {@link io.github.scrm.core.staff.StaffDirectory#ownerAt} for attributing a purchase to the owner at order time; a
   * host that wants both to agree sends a {@code profile.updated} event with the new owner after each change.
   */
  public Optional<StaffId> owningStaff() {
    return Optional.ofNullable(ProfileFields.value(fields.owner));
  }

  /**
   * Whether the customer refused personalised marketing (PIPL art. 24). Every module honours it: see
   * {@code docs/privacy.md}.
   */
  public boolean noPersonalisedMarketing() {
    return Boolean.TRUE.equals(ProfileFields.value(fields.noPersonalisedMarketing));
  }

  /** The manual and imported tags on the profile now. */
  public ImmutableSet<String> tags() {
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    fields.tags.entrySet().stream().filter(e -> e.getValue().value()).map(Map.Entry::getKey).sorted()
        .forEach(b::add);
    return b.build();
  }

  /** The consent in force per channel and purpose: the latest record of each. */
  public ImmutableList<Consent> consents() {
    Map<String, Consent> latest = new LinkedHashMap<>();
    for (Consent c : fields.consents) {
      latest.put(c.channel() + "/" + c.purpose(), c);
    }
    return ImmutableList.copyOf(latest.values());
  }

  /** Every consent record, oldest first (PIPL accountability). */
  public ImmutableList<Consent> consentHistory() {
    return ImmutableList.copyOf(fields.consents);
  }

  /** The value of a host-defined attribute, parsed to its type. */
  public <T> Optional<T> custom(AttributeKey<T> key) {
    Latest<String> text = fields.custom.get(key.name());
    return text == null ? Optional.empty() : Optional.of(AttributeText.parse(key, text.value()));
  }

  /** The names of the host-defined attributes set on this profile. */
  public ImmutableSet<String> customNames() {
    return fields.custom.keySet();
  }

  /** The number of events applied. */
  public int eventCount() {
    return events;
  }

  /**
   * Reads what {@link #with} reads of this profile to apply {@code event} beyond the lengths of its arrays (for a
   * purchase, the latest order), changing nothing, and returns a value derived from it: for a store that brings the
   * profiles of a batch of events into the cache before applying them, as {@link ActivityBuffer#touch} does for
   * buffers.
   */
  public long touchFor(CustomerEvent event) {
    return event instanceof Purchase && orders.length > 0 ? orders[orders.length - 1].at : events;
  }

  /** How many orders the profile holds, refunded or not. */
  public int orderCount() {
    return orders.length;
  }

  /**
   * Whether the customer placed an order other than {@code orderId} at or after {@code since} and before
   * {@code orderId}, placed at {@code at}: at an earlier instant, or at the same instant with a smaller order key (a
   * fixed tie-break, so that of two orders of one instant exactly one is the first). Refunded orders count: a refund
   * does not make a later order the first one.
   */
  public boolean hasOrderBefore(Instant since, String orderId, Instant at) {
    long from = since.toEpochMilli();
    long to = at.toEpochMilli();
    long key = OrderFact.key(orderId);
    for (OrderFact o : orders) {
      if (o.at >= from && o.orderKey != key && (o.at < to || (o.at == to && o.orderKey < key))) {
        return true;
      }
    }
    return false;
  }

  /** How many social, community, campaign and referral actions the profile holds. */
  public int actionCount() {
    return marks.length;
  }

  /** When the customer's personal data was erased, if it was. */
  public Optional<Instant> erasedAt() {
    return Optional.ofNullable(erasedAt);
  }

  ProfileFields fields() {
    return fields;
  }

  /** The customer's activity, put together from its parts: a new object each call. */
  Activity activity() {
    return Activity.restore(orders, refunds, marks, followers, topics, topicFirstAt, influenceAt, influence);
  }

  /** A profile from its parts, as {@link ProfileCodec} decodes it. */
  static CustomerProfile restore(CustomerId id, Collection<Identifier> identifiers, ProfileFields fields,
      Activity activity, int events, @Nullable Instant erasedAt) {
    return new CustomerProfile(id, ImmutableSet.copyOf(identifiers).toArray(NO_IDENTIFIERS), fields, activity,
        events, erasedAt);
  }

  /** The currency of the customer's orders (of the first one), CNY when there are none. */
  Currency currency() {
    return orders.length == 0 ? Money.CNY : orders[0].currency;
  }

  /** Identifiers and name masked; never personal data in clear. */
  @Override
  public String toString() {
    return "CustomerProfile[id=" + id + ", identifiers=" + List.of(identifiers) + ", name=" + maskedName()
        + ", level=" + (fields.levels.length == 0 ? "" : fields.levels[fields.levels.length - 1].level())
        + ", orders=" + orders.length + ", events=" + events
        + (erasedAt == null ? "" : ", erasedAt=" + erasedAt) + "]";
  }
}
