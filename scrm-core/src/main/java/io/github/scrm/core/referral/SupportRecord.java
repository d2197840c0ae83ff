package io.github.scrm.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One counted support, as persisted so that a campaign's progress survives a restart.
 *
 * @param campaign the campaign
 * @param poster the supported poster
 * @param person who supported, as the engine identifies natural persons ({@code customer:<id>} for a known customer,
 *     {@code prospect:<identifier key>} otherwise, {@code erased:<random>} once the person was erased); an
 *     identifier key carries a keyed hash for personal types (phone, email) but the value in clear for the others
 *     (a WeChat openid), which is why an erasure renames the person rather than keeping the name
 * @param identifierKeys the keys ({@link io.github.scrm.core.identity.Identifier#key()}) of the identifiers that
 *     identify the person, so that the same person is recognised under any of them after a restart
 * @param device the device the support came from, if known
 * @param network the network it came from, if known
 * @param at when
 */
public record SupportRecord(
    String campaign, ReferralCode poster, String person, List<String> identifierKeys, Optional<String> device,
    Optional<String> network, Instant at) {

  /** Validates the parts and copies the list. */
  public SupportRecord {
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(poster, "poster");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(at, "at");
    identifierKeys = List.copyOf(identifierKeys);
  }

  /** Counts and presence only: the keys may hold an openid, the device and network identify a person's phone. */
  @Override
  public String toString() {
    return "SupportRecord[campaign=" + campaign + ", poster=" + poster + ", identifierKeys=" + identifierKeys.size()
        + device.map(d -> ", device=****").orElse("") + network.map(n -> ", network=****").orElse("") + ", at=" + at
        + "]";
  }
}
