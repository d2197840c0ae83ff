package io.github.scrm.core.internal;

import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeText;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of an event that need the instance's configuration (the records check themselves on construction):
 * future skew, junk identifiers, host-defined attributes.
 */
final class EventChecks {

  private final Context context;
  private final Set<String> blockedPersonalHashes = new HashSet<>();

  EventChecks(Context context) {
    this.context = context;
    for (String value : context.guardrails().blockedValues()) {
      for (IdentifierType type : new IdentifierType[] {IdentifierType.PHONE, IdentifierType.EMAIL}) {
        try {
          blockedPersonalHashes.add(context.personalData().personal(type, value).value());
        } catch (IllegalArgumentException notAPhoneOrEmail) {
          // the blocklist entry is not a valid value of this type: nothing to hash
        }
      }
    }
  }

  List<String> problems(CustomerEvent event) {
    List<String> problems = null;
    Instant latest = context.time().now().plus(context.maxFutureSkew());
    if (event.occurredAt().isAfter(latest)) {
      problems = add(problems, "occurredAt: must not be later than now plus " + context.maxFutureSkew() + " ("
          + latest + "), but was " + event.occurredAt());
    }
    List<Identifier> ids = event.identifiers();
    for (int i = 0; i < ids.size(); i++) {
      if (isJunk(ids.get(i))) {
        problems = add(problems, "identifiers[" + i + "]: " + ids.get(i).type()
            + " must not be a blocklisted junk value, but was '" + ids.get(i).masked() + "'");
      }
    }
    if (event instanceof Purchase p) {
      problems = currency(problems, p.paidAmount(), "paidAmount");
    } else if (event instanceof Refund r) {
      problems = currency(problems, r.amount(), "amount");
    }
    if (event instanceof ProfileUpdated update) {
      for (Map.Entry<String, String> e : update.attributes().entrySet()) {
        String problem = attributeProblem(e.getKey(), e.getValue());
        if (problem != null) {
          problems = add(problems, problem);
        }
      }
    }
    return problems == null ? List.of() : problems;
  }

  boolean isJunk(Identifier id) {
    return id.type().personal() ? blockedPersonalHashes.contains(id.value()) : context.guardrails().isJunk(id.value());
  }

  private String attributeProblem(String name, String text) {
    Optional<AttributeKey<?>> key = context.catalogue().find(name);
    if (key.isEmpty()) {
      return "attributes." + name + ": must be a registered custom attribute (Scrm.builder().customAttributes(...)),"
          + " but was unknown";
    }
    if (!key.get().isCustom()) {
      return "attributes." + name + ": must be a custom attribute, but was a standard one derived from events";
    }
    try {
      AttributeText.parse(key.get(), text);
      return null;
    } catch (IllegalArgumentException e) {
      return "attributes." + e.getMessage();
    }
  }

  /** {@code problems} with one more if {@code amount} is not in the instance's currency. */
  private List<String> currency(List<String> problems, Money amount, String field) {
    Currency kept = context.currency();
    return amount.currency().equals(kept) ? problems : add(problems, field + ".currency: must be "
        + kept.getCurrencyCode() + ", the currency this instance keeps amounts in, but was "
        + amount.currency().getCurrencyCode());
  }

  private static List<String> add(List<String> problems, String problem) {
    List<String> list = problems == null ? new ArrayList<>(2) : problems;
    list.add(problem);
    return list;
  }
}
