package io.github.scrm.core.referral;

import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A friend pressed "support" on a poster.
 *
 * @param poster the poster's code (from its QR state or link)
 * @param supporter the supporter's identifiers (openid, unionid, phone); who they are is resolved through the
 *     identity graph, so two scans by one person count once
 * @param device the device the support came from, as the host identifies it (hashed), if known; at most {@link
 *     MaxLengths#SUPPORT_DEVICE} characters
 * @param network the network it came from (for example a hashed /24 address block), if known; at most {@link
 *     MaxLengths#SUPPORT_NETWORK} characters
 * @param at when
 */
public record Support(
    ReferralCode poster, Set<Identifier> supporter, Optional<String> device, Optional<String> network, Instant at) {

  /** Validates the parts and copies the set. */
  public Support {
    Objects.requireNonNull(poster, "poster");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(at, "at");
    device.ifPresent(d -> checkLength("device", d, MaxLengths.SUPPORT_DEVICE));
    network.ifPresent(n -> checkLength("network", n, MaxLengths.SUPPORT_NETWORK));
    supporter = Set.copyOf(supporter);
  }

  /** The poster, how many identifiers and when: the device and network identify a person's phone. */
  @Override
  public String toString() {
    return "Support[poster=" + poster + ", supporter=" + supporter.size() + " identifiers"
        + device.map(d -> ", device=****").orElse("") + network.map(n -> ", network=****").orElse("") + ", at=" + at
        + "]";
  }

  /** A support without device or network information. */
  public static Support of(ReferralCode poster, Set<Identifier> supporter, Instant at) {
    return new Support(poster, supporter, Optional.empty(), Optional.empty(), at);
  }

  /** The length only: a device or network, even hashed, is not repeated in a message. */
  private static void checkLength(String field, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(field + ": must have at most " + max + " characters, but had "
          + value.length());
    }
  }
}
