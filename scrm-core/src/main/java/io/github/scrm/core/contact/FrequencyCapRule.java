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
  // descriptions are built once: the policy asks for limits on every check
  private final String description;
  private final Map<ContactChannel, String> perChannelDescriptions = new EnumMap<>(ContactChannel.class);

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
    this.description = describe(this.channels);
    for (ContactChannel channel : ContactChannel.values()) {
      perChannelDescriptions.put(channel, describe(Set.of(channel)));
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
    return List.of(ImmutableContactLimit.builder()
        .rule(name)
        .reason(reason)
        .description(perChannel ? perChannelDescriptions.get(request.channel()) : description)
        .addAllChannels(perChannel ? Set.of(request.channel()) : channels)
        .addAllPurposes(purposes)
        .bulkOnly(bulkOnly)
        .from(window.from(request.instant(), businessZone))
        .until(window.until(request.instant(), businessZone))
        .max(max)
        .build());
  }

  private String describe(Set<ContactChannel> counted) {
    return "at most " + max + (bulkOnly ? " bulk" : "")
        + " contact(s) for " + (purposes.isEmpty() ? "any purpose" : purposes)
        + " on " + (counted.isEmpty() ? "any channel" : counted)
        + " per " + window.describe();
  }

  @Override
  public String toString() {
    return "FrequencyCapRule{" + name + ": " + (perChannel ? "each channel, " : "") + description + "}";
  }
}
