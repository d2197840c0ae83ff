package io.github.scrm.core.profile;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The descriptive part of a profile. Every field is merged so that the arrival order of events does not matter: the
 * latest value wins, membership keeps the earliest join, histories are kept sorted. Never mutated once published:
 * {@link #with} works on a copy.
 */
final class ProfileFields implements Cloneable {

  static final ProfileFields EMPTY = new ProfileFields();

  private static final Comparator<LevelChange> LEVEL_ORDER =
      Comparator.comparing(LevelChange::since).thenComparing(LevelChange::level);
  private static final Comparator<Consent> CONSENT_ORDER = Comparator.comparing(Consent::recordedAt)
      .thenComparing(Consent::channel).thenComparing(Consent::purpose).thenComparing(Consent::status)
      .thenComparing(Consent::source);

  @Nullable Latest<String> name;
  @Nullable Latest<Gender> gender;
  @Nullable Latest<LocalDate> birthday;
  @Nullable Latest<String> ageBand;
  @Nullable Latest<String> city;
  @Nullable Latest<String> region;
  @Nullable Latest<StaffId> owner;
  @Nullable Latest<Boolean> noPersonalisedMarketing;
  @Nullable Instant memberSince;
  @Nullable String registrationChannel;
  LevelChange[] levels = new LevelChange[0];
  Consent[] consents = new Consent[0];
  ImmutableMap<String, Latest<Boolean>> tags = ImmutableMap.of();
  ImmutableMap<String, Latest<String>> custom = ImmutableMap.of();

  ProfileFields with(MembershipJoined joined) {
    ProfileFields f = copy();
    Instant at = joined.occurredAt();
    if (f.memberSince == null || at.isBefore(f.memberSince)
        || (at.equals(f.memberSince) && joined.sourceChannel().compareTo(f.registrationChannel) < 0)) {
      f.memberSince = at;
      f.registrationChannel = OrderFact.NAMES.intern(joined.sourceChannel());
    }
    if (joined.level() != null) {
      f.levels = insert(f.levels, new LevelChange(joined.level(), at), LEVEL_ORDER);
    }
    return f;
  }

  ProfileFields with(ProfileUpdated u) {
    ProfileFields f = copy();
    Instant at = u.occurredAt();
    if (u.name() != null) {
      f.name = Latest.merge(f.name, u.name(), at);
    }
    if (u.gender() != null) {
      f.gender = Latest.merge(f.gender, u.gender(), at);
    }
    if (u.birthday() != null) {
      f.birthday = Latest.merge(f.birthday, u.birthday(), at);
    }
    if (u.ageBand() != null) {
      f.ageBand = Latest.merge(f.ageBand, u.ageBand(), at);
    }
    if (u.city() != null) {
      f.city = Latest.merge(f.city, OrderFact.NAMES.intern(u.city()), at);
    }
    if (u.region() != null) {
      f.region = Latest.merge(f.region, OrderFact.NAMES.intern(u.region()), at);
    }
    if (u.owningStaff() != null) {
      f.owner = Latest.merge(f.owner, u.owningStaff(), at);
    }
    if (u.noPersonalisedMarketing() != null) {
      f.noPersonalisedMarketing = Latest.merge(f.noPersonalisedMarketing, u.noPersonalisedMarketing(), at);
    }
    if (u.memberLevel() != null) {
      f.levels = insert(f.levels, new LevelChange(u.memberLevel(), at), LEVEL_ORDER);
    }
    if (!u.tagsAdded().isEmpty() || !u.tagsRemoved().isEmpty()) {
      Map<String, Latest<Boolean>> tags = new HashMap<>(f.tags);
      // a tag both added and removed by one event ends removed: at one instant, an addition would win the tie
      u.tagsAdded().stream().filter(t -> !u.tagsRemoved().contains(t))
          .forEach(t -> tags.put(t, Latest.merge(tags.get(t), Boolean.TRUE, at)));
      u.tagsRemoved().forEach(t -> tags.put(t, Latest.merge(tags.get(t), Boolean.FALSE, at)));
      f.tags = ImmutableMap.copyOf(tags);
    }
    if (!u.attributes().isEmpty()) {
      Map<String, Latest<String>> custom = new HashMap<>(f.custom);
      u.attributes().forEach((k, v) -> custom.put(k, Latest.merge(custom.get(k), v, at)));
      f.custom = ImmutableMap.copyOf(custom);
    }
    return f;
  }

  ProfileFields with(ConsentChanged changed) {
    ProfileFields f = copy();
    f.consents = insert(f.consents, changed.consent(), CONSENT_ORDER);
    return f;
  }

  /**
   * These fields with {@code other}'s merged in, the same as applying the events behind {@code other} after those
   * behind this: every value is merged the way {@link #with} merges it, which does not depend on the order.
   */
  ProfileFields combined(ProfileFields other) {
    ProfileFields f = copy();
    f.name = later(name, other.name);
    f.gender = later(gender, other.gender);
    f.birthday = later(birthday, other.birthday);
    f.ageBand = later(ageBand, other.ageBand);
    f.city = later(city, other.city);
    f.region = later(region, other.region);
    f.owner = later(owner, other.owner);
    f.noPersonalisedMarketing = later(noPersonalisedMarketing, other.noPersonalisedMarketing);
    if (other.memberSince != null && (memberSince == null || other.memberSince.isBefore(memberSince)
        || (other.memberSince.equals(memberSince) && other.registrationChannel.compareTo(registrationChannel) < 0))) {
      f.memberSince = other.memberSince;
      f.registrationChannel = other.registrationChannel;
    }
    for (LevelChange level : other.levels) {
      f.levels = insert(f.levels, level, LEVEL_ORDER);
    }
    for (Consent consent : other.consents) {
      f.consents = insert(f.consents, consent, CONSENT_ORDER);
    }
    f.tags = combined(tags, other.tags);
    f.custom = combined(custom, other.custom);
    return f;
  }

  private static <T> @Nullable Latest<T> later(@Nullable Latest<T> a, @Nullable Latest<T> b) {
    return a == null ? b : b == null ? a : Latest.later(a, b);
  }

  private static <T> ImmutableMap<String, Latest<T>> combined(ImmutableMap<String, Latest<T>> a,
      ImmutableMap<String, Latest<T>> b) {
    if (b.isEmpty()) {
      return a;
    }
    Map<String, Latest<T>> merged = new HashMap<>(a);
    b.forEach((key, value) -> merged.merge(key, value, Latest::later));
    return ImmutableMap.copyOf(merged);
  }

  private static <T> T[] insert(T[] sorted, T item, Comparator<? super T> order) {
    int pos = Arrays.binarySearch(sorted, item, order);
    int at = pos >= 0 ? pos : -pos - 1;
    T[] copy = Arrays.copyOf(sorted, sorted.length + 1);
    System.arraycopy(sorted, at, copy, at + 1, sorted.length - at);
    copy[at] = item;
    return copy;
  }

  /** Only what stays after an erasure: the membership date, no personal data. */
  ProfileFields anonymised() {
    ProfileFields f = new ProfileFields();
    f.memberSince = memberSince;
    f.registrationChannel = registrationChannel;
    f.levels = levels;
    return f;
  }

  private ProfileFields copy() {
    try {
      return (ProfileFields) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  static @Nullable <T> T value(@Nullable Latest<T> latest) {
    return latest == null ? null : latest.value();
  }
}
