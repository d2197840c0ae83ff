package io.github.scrm.segmentation.spi;

import io.github.scrm.core.contact.ContactDecision;
import io.github.scrm.core.contact.ContactPolicy;
import io.github.scrm.core.contact.ContactRequest;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The contact-policy check an audience applies before anyone is pushed to: frequency caps, quiet hours, consent per
 * channel. The host wires the core contact policy in here. Must be thread-safe and cheap: it is called per member.
 */
@FunctionalInterface
public interface ContactEligibility {

  /** Why {@code customer} must not be contacted at {@code at}, or empty when they may be. */
  Optional<String> exclusion(CustomerId customer, Instant at);

  /**
   * Core's contact policy for one kind of contact: a customer is excluded, with the name of the rule that denied
   * them, when {@code policy} would deny {@code request(customer, at)} now. Checks only; nothing is recorded.
   *
   * <pre>{@code
   * ContactEligibility.of(policy,
   *     (customer, at) -> ContactRequest.of(customer, WECOM, MARKETING, at).withCampaign(campaign));
   * }</pre>
   */
  static ContactEligibility of(
      ContactPolicy policy, BiFunction<CustomerId, Instant, ContactRequest> request) {
    return (customer, at) -> policy.check(request.apply(customer, at)) instanceof ContactDecision.Denied denied
        ? Optional.of(denied.rule())
        : Optional.empty();
  }

  /** Everyone may be contacted (for tests and dry runs before the policy is wired). */
  static ContactEligibility anyone() {
    return (customer, at) -> Optional.empty();
  }
}
