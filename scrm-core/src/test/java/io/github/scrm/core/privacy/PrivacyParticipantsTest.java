package io.github.scrm.core.privacy;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.joined;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.TestScrm;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.ContactLedgers;
import io.github.scrm.core.contact.ContactRecord;
import io.github.scrm.core.contact.ContactRequest;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.staff.AcquisitionCode;
import io.github.scrm.core.staff.StaffDirectory;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.staff.StaffStores;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PrivacyParticipantsTest {

  private final Scrm scrm = TestScrm.create();
  private final ContactLedger ledger = ContactLedgers.inMemory();
  private final StaffDirectory staff = StaffDirectory.builder()
      .store(StaffStores.inMemory())
      .ids(IdSource.sequential("code", 7))
      .time(scrm.time())
      .build();

  @Test
  void exportAndErase_includeContactsAndOwnership() {
    scrm.ingest(joined("e1", daysAgo(3), member("M1")));
    CustomerId amy = scrm.identities().resolve(member("M1")).orElseThrow();
    ledger.recordIfWithin(
        ContactRecord.of(ContactRequest.of(amy, ContactChannel.WECOM, ContactPurpose.SERVICE, NOW)), List.of());
    AcquisitionCode code = staff.register(StaffId.of("s-lin"), "SH-1").codes().iterator().next();
    staff.acquire(code, amy, ContactChannel.WECOM);
    scrm.privacy().register(PrivacyParticipants.contactLedger(ledger));
    scrm.privacy().register(PrivacyParticipants.staffOwnership(staff));

    String export = scrm.privacy().export(amy).orElseThrow();
    ErasureRecord erasure = scrm.privacy().erase(amy).orElseThrow();

    assertThat(export).contains("\"contacts\"", "WECOM", "\"staffOwnership\"", "s-lin");
    assertThat(erasure.complete()).isTrue();
    assertThat(ledger.contactsOf(amy)).isEmpty();
    assertThat(staff.ownerOf(amy)).isEmpty();
  }

  @Test
  void exportAndErase_ofASurvivor_includeWhatParticipantsHoldUnderTheIdsMergedIntoIt() throws Exception {
    scrm.ingest(joined("e1", daysAgo(9), member("M1")));
    scrm.ingest(joined("e2", daysAgo(9), unionid("U2")));
    CustomerId amy = scrm.identities().resolve(member("M1")).orElseThrow();
    CustomerId amyBefore = scrm.identities().resolve(unionid("U2")).orElseThrow();
    // contacted while the second id was a customer of its own, then found to be amy
    ledger.recordIfWithin(ContactRecord.of(
        ContactRequest.of(amyBefore, ContactChannel.SMS, ContactPurpose.SERVICE, daysAgo(8))), List.of());
    scrm.ingest(joined("e3", daysAgo(7), member("M1"), unionid("U2")));
    assertThat(scrm.identities().current(amyBefore)).isEqualTo(amy);
    scrm.privacy().register(PrivacyParticipants.contactLedger(ledger));

    var export = scrm.json().readTree(scrm.privacy().export(amy).orElseThrow());
    ErasureRecord erasure = scrm.privacy().erase(amy).orElseThrow();

    assertThat(export.path("mergedCustomers")).singleElement().satisfies(merged -> {
      assertThat(merged.path("customerId").asText()).isEqualTo(amyBefore.value());
      assertThat(merged.path("sections").path("contacts").get(0).path("channel").asText()).isEqualTo("SMS");
    });
    assertThat(erasure.participants()).containsEntry("contacts", 1);
    assertThat(ledger.contactsOf(amyBefore)).isEmpty();
  }
}
