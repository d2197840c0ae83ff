package io.github.scrm.core.contact;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * At most {@code max} contacts per customer in a window, counting the given purposes and channels (empty: all); with
 * {@code perChannel} each channel has its own count. Platform caps are the same rule counting bulk messages only.
 */
final class FrequencyCapRule implements ContactRule {

  private final String name;
  private final Set<ContactPurpose> purposes;
  private final Set<ContactChannel> channels;
  private final boolean perChannel;
  private final boolean bulkOnly;
  private final CapWindow window;
  private final int max;
  private final DenialReason reason;
  // limits are built once with a placeholder window and only re-windowed per check: the policy asks for limits on
  // every contact check, and building them from scratch (sets, descriptions) dominated the cost
  private final ImmutableContactLimit prototype;
  private final Map<ContactChannel, ImmutableContactLimit> perChannelPrototypes = new EnumMap<>(ContactChannel.class);

  FrequencyCapRule(String name, Set<ContactPurpose> purposes, Set<ContactChannel> channels, boolean perChannel,
      boolean bulkOnly, CapWindow window, int max, DenialReason reason) {
    if (max < 0) {
      throw new IllegalArgumentException("cap " + name + " must allow at least 0 contacts, but max was " + max);
    }
    this.name = name;
    this.purposes = Set.copyOf(purposes);
    this.channels = Set.copyOf(channels);
    this.perChannel = perChannel;
    this.bulkOnly = bulkOnly;
    this.window = window;
    this.max = max;
    this.reason = reason;
    this.prototype = prototype(this.channels);
    for (ContactChannel channel : ContactChannel.values()) {
      perChannelPrototypes.put(channel, prototype(Set.of(channel)));
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ContactLimit> limits(ContactRequest request, ZoneId businessZone) {
    boolean applies = (purposes.isEmpty() || purposes.contains(request.purpose()))
        && (channels.isEmpty() || channels.contains(request.channel()))
        && (!bulkOnly || request.bulk());
    if (!applies) {
      return List.of();
    }
    ImmutableContactLimit limit = perChannel ? perChannelPrototypes.get(request.channel()) : prototype;
    // until first: the prototype's window starts at the beginning of time, so every step stays valid
    return List.of(limit
        .withUntil(window.until(request.instant(), businessZone))
        .withFrom(window.from(request.instant(), businessZone)));
  }

  private ImmutableContactLimit prototype(Set<ContactChannel> counted) {
    return ImmutableContactLimit.builder()
        .rule(name)
        .reason(reason)
        .description(describe(counted))
        .addAllChannels(counted)
        .addAllPurposes(purposes)
        .bulkOnly(bulkOnly)
        .from(ContactLimit.BEGINNING)
        .until(ContactLimit.END)
        .max(max)
        .build();
  }

  private String describe(Set<ContactChannel> counted) {
    return "at most " + max + (bulkOnly ? " bulk" : "")
        + " contact(s) for " + (purposes.isEmpty() ? "any purpose" : purposes)
        + " on " + (counted.isEmpty() ? "any channel" : counted)
        + " per " + window.describe();
  }

  @Override
  public String toString() {
    return "FrequencyCapRule{" + name + ": " + (perChannel ? "each channel, " : "") + prototype.description() + "}";
  }
}
