package io.github.scrm.core.privacy;

import io.github.scrm.core.contact.ContactRecord;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.PersonalDataParticipant;
import io.github.scrm.core.staff.CustomerOwnership;
import io.github.scrm.core.staff.OwnershipPeriod;
import io.github.scrm.core.staff.PendingTransfer;
import io.github.scrm.core.staff.StaffDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link PersonalDataParticipant}s of core's own stores beyond the profiles: register them with {@link
 * Privacy#register} so that a PIPL export lists a customer's contacts and ownership history, and an erasure removes
 * them.
 *
 * <pre>{@code
 * scrm.privacy().register(PrivacyParticipants.contactLedger(ledger));
 * scrm.privacy().register(PrivacyParticipants.staffOwnership(staffDirectory));
 * }</pre>
 */
public final class PrivacyParticipants {

  private PrivacyParticipants() {}

  /** The outbound contacts recorded for the customer (section {@code "contacts"}). */
  public static PersonalDataParticipant contactLedger(ContactLedger ledger) {
    Objects.requireNonNull(ledger, "ledger");
    return new PersonalDataParticipant() {
      @Override
      public String name() {
        return "contacts";
      }

      @Override
      public Object export(CustomerId customer) {
        return ledger.contactsOf(customer).stream().map(PrivacyParticipants::describe).toList();
      }

      @Override
      public int erase(CustomerId customer) {
        return ledger.forget(customer);
      }
    };
  }

  /** Who owned the customer and when, and any pending or refused transfer (section {@code "staffOwnership"}). */
  public static PersonalDataParticipant staffOwnership(StaffDirectory directory) {
    Objects.requireNonNull(directory, "directory");
    return new PersonalDataParticipant() {
      @Override
      public String name() {
        return "staffOwnership";
      }

      @Override
      public Object export(CustomerId customer) {
        return directory.ownership(customer).map(PrivacyParticipants::describe).orElse(Map.of());
      }

      @Override
      public int erase(CustomerId customer) {
        return directory.forget(customer) ? 1 : 0;
      }
    };
  }

  private static Map<String, Object> describe(ContactRecord contact) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("at", contact.at().toString());
    c.put("channel", contact.channel().name());
    c.put("purpose", contact.purpose().name());
    contact.campaign().ifPresent(campaign -> c.put("campaign", campaign.value()));
    c.put("bulk", contact.bulk());
    return c;
  }

  private static Map<String, Object> describe(CustomerOwnership ownership) {
    List<Map<String, Object>> periods = new ArrayList<>();
    for (OwnershipPeriod period : ownership.periods()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("staff", period.staff().value());
      p.put("from", period.from().toString());
      period.until().ifPresent(until -> p.put("until", until.toString()));
      p.put("channel", period.channel().name());
      p.put("reason", period.reason().name());
      periods.add(p);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("periods", periods);
    ownership.pending().ifPresent(pending -> result.put("pendingTransfer", describe(pending)));
    result.put("refusedTransfers", ownership.refused().stream().map(PrivacyParticipants::describe).toList());
    return result;
  }

  private static Map<String, Object> describe(PendingTransfer transfer) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("from", transfer.from().value());
    t.put("to", transfer.to().value());
    t.put("requestedAt", transfer.requestedAt().toString());
    t.put("effectiveAt", transfer.effectiveAt().toString());
    t.put("reason", transfer.reason().name());
    return t;
  }
}
