package io.github.scrm.core.privacy;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.PersonalDataParticipant;
import java.util.List;
import java.util.Optional;

/**
 * PIPL data-subject requests over one {@code Scrm} instance, from {@code Scrm.privacy()}. Thread-safe. Hosts do not
 * implement it; they register {@link PersonalDataParticipant}s.
 */
public interface Privacy {

  /** Adds a participant whose data is exported and erased with the profile's. */
  void register(PersonalDataParticipant participant);

  /**
   * Everything about {@code customer} as one JSON document: profile fields (in clear: the export is for the customer),
   * identifiers (masked and hashed), consents with history, attributes now, events, merges, conflicts, erasures and
   * each participant's section; empty when the customer is unknown. Merges and conflicts are those of the customer's
   * merge tree: the customer and every customer merged into it, directly or through another; {@code mergedCustomers}
   * holds each participant's section for each of those merged ids.
   */
  Optional<String> export(CustomerId customer);

  /**
   * Erases {@code customer}: identifiers unbound, events deleted (their ids remembered so re-sent events stay
   * duplicates), personal fields removed from the profile, the merge records of its merge tree redacted and its
   * conflicts deleted, each participant asked to erase the customer and every id of its merge tree; anonymous aggregates (order counts, amounts) stay. The id of a
   * customer merged into another erases that other customer. Empty when the customer is unknown.
   */
  Optional<ErasureRecord> erase(CustomerId customer);

  /** Every erasure, oldest first. */
  List<ErasureRecord> erasures();
}
