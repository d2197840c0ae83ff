package io.github.scrm.core.contact;

import io.github.scrm.core.spi.ContactSubject;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One named rule of the contact policy. A rule either judges a request from what is known about the customer ({@link
 * #judge}: consent, quiet hours) or bounds the customer's recorded contacts ({@link #limits}: caps, campaigns), which
 * the {@link io.github.scrm.core.spi.ContactLedger} checks atomically with recording. The built-in rules come from
 * {@link ContactRules}; a host may add its own. Implementations must be immutable and thread-safe.
 */
public interface ContactRule {

  /** A short stable name reported in denials, such as {@code "marketing-per-day"}. */
  String name();

  /**
   * Judges {@code request} from {@code subject} alone.
   *
   * @param businessZone the zone used when the customer has none of their own
   * @return a denial, or empty when this rule lets the request pass
   */
  default Optional<ContactDecision.Denied> judge(
      ContactRequest request, ContactSubject subject, ZoneId businessZone) {
    return Optional.empty();
  }

  /**
   * The limits on recorded contacts that {@code request} must stay within; empty when the rule does not apply to it.
   *
   * @param businessZone the zone calendar windows are counted in
   */
  default List<ContactLimit> limits(ContactRequest request, ZoneId businessZone) {
    return List.of();
  }
}
