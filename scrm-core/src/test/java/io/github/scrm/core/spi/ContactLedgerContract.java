package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.CampaignId;
import io.github.scrm.core.contact.ContactLimit;
import io.github.scrm.core.contact.ContactRecord;
import io.github.scrm.core.contact.DenialReason;
import io.github.scrm.core.contact.ImmutableContactLimit;
import io.github.scrm.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ContactLedger} must have. A host proves its implementation by extending this class (from
 * the {@code tests} jar) and implementing {@link #newLedger()}.
 */
public abstract class ContactLedgerContract {

  private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
  private static final CustomerId ALICE = CustomerId.of("alice");
  private static final CustomerId BOB = CustomerId.of("bob");

  private ContactLedger ledger;

  /** A new, empty ledger for each test. */
  protected abstract ContactLedger newLedger();

  @BeforeEach
  void createLedger() {
    ledger = newLedger();
  }

  @Test
  void recordIfWithin_noLimits_records() {
    ContactRecord record = marketing(ALICE, T0);

    assertThat(ledger.recordIfWithin(record, List.of())).isEmpty();

    assertThat(ledger.contactsOf(ALICE)).containsExactly(record);
  }

  @Test
  void recordIfWithin_limitReached_recordsNothingAndReturnsTheLimit() {
    ContactLimit oneADay = marketingLimit(1, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(20)));
    ledger.recordIfWithin(marketing(ALICE, T0), List.of(oneADay));

    Optional<ContactLimit> reached = ledger.recordIfWithin(marketing(ALICE, T0.plusSeconds(60)), List.of(oneADay));

    assertThat(reached).contains(oneADay);
    assertThat(ledger.contactsOf(ALICE)).hasSize(1);
  }

  @Test
  void recordIfWithin_reportsTheFirstReachedLimitInOrder() {
    ContactLimit wide = marketingLimit(1, T0.minus(Duration.ofDays(7)), T0.plus(Duration.ofDays(7)));
    ContactLimit narrow = marketingLimit(1, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
    ledger.recordIfWithin(marketing(ALICE, T0), List.of());

    assertThat(ledger.recordIfWithin(marketing(ALICE, T0), List.of(narrow, wide))).contains(narrow);
  }

  @Test
  void recordIfWithin_countsOnlyTheSameCustomer() {
    ContactLimit one = marketingLimit(1, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
    ledger.recordIfWithin(marketing(ALICE, T0), List.of(one));

    assertThat(ledger.recordIfWithin(marketing(BOB, T0), List.of(one))).isEmpty();
  }

  @Test
  void count_windowIsHalfOpen() {
    ledger.recordIfWithin(marketing(ALICE, T0), List.of());

    assertThat(ledger.count(ALICE, marketingLimit(1, T0, T0.plusSeconds(1)))).isEqualTo(1);
    assertThat(ledger.count(ALICE, marketingLimit(1, T0.minusSeconds(1), T0))).isZero();
  }

  @Test
  void count_appliesChannelPurposeBulkAndCampaignFilters() {
    CampaignId campaign = CampaignId.of("double-11");
    ledger.recordIfWithin(new ContactRecord(ALICE, ContactChannel.WECOM, ContactPurpose.MARKETING,
        Optional.of(campaign), true, T0), List.of());
    ledger.recordIfWithin(new ContactRecord(ALICE, ContactChannel.SMS, ContactPurpose.CARE,
        Optional.empty(), false, T0), List.of());
    ContactLimit base = marketingLimit(1, T0.minusSeconds(5), T0.plusSeconds(5));

    assertThat(ledger.count(ALICE, ImmutableContactLimit.copyOf(base).withPurposes())).isEqualTo(2);
    assertThat(ledger.count(ALICE, base)).isEqualTo(1);
    assertThat(ledger.count(ALICE, ImmutableContactLimit.copyOf(base).withPurposes().withChannels(ContactChannel.SMS)))
        .isEqualTo(1);
    assertThat(ledger.count(ALICE, ImmutableContactLimit.copyOf(base).withPurposes().withBulkOnly(true)))
        .isEqualTo(1);
    assertThat(ledger.count(ALICE, ImmutableContactLimit.copyOf(base).withCampaign(CampaignId.of("other"))))
        .isZero();
    assertThat(ledger.count(ALICE, ImmutableContactLimit.copyOf(base).withCampaign(campaign))).isEqualTo(1);
  }

  @Test
  void contactsOf_isOldestFirst_evenWhenRecordedOutOfOrder() {
    ContactRecord late = marketing(ALICE, T0.plusSeconds(100));
    ContactRecord early = marketing(ALICE, T0);
    ledger.recordIfWithin(late, List.of());
    ledger.recordIfWithin(early, List.of());

    assertThat(ledger.contactsOf(ALICE)).containsExactly(early, late);
  }

  @Test
  void contactsOf_unknownCustomer_isEmpty() {
    assertThat(ledger.contactsOf(CustomerId.of("nobody"))).isEmpty();
  }

  @Test
  void forget_removesOnlyThatCustomer() {
    ledger.recordIfWithin(marketing(ALICE, T0), List.of());
    ledger.recordIfWithin(marketing(ALICE, T0.plusSeconds(1)), List.of());
    ledger.recordIfWithin(marketing(BOB, T0), List.of());

    assertThat(ledger.forget(ALICE)).isEqualTo(2);

    assertThat(ledger.contactsOf(ALICE)).isEmpty();
    assertThat(ledger.contactsOf(BOB)).hasSize(1);
  }

  @Test
  void pruneBefore_removesOnlyOlderContacts() {
    ledger.recordIfWithin(marketing(ALICE, T0), List.of());
    ledger.recordIfWithin(marketing(ALICE, T0.plusSeconds(10)), List.of());
    ledger.recordIfWithin(marketing(BOB, T0.minusSeconds(10)), List.of());

    assertThat(ledger.pruneBefore(T0.plusSeconds(10))).isEqualTo(2);

    assertThat(ledger.contactsOf(ALICE)).extracting(ContactRecord::at).containsExactly(T0.plusSeconds(10));
    assertThat(ledger.contactsOf(BOB)).isEmpty();
  }

  @Test
  void recordIfWithin_concurrentCallersForOneCustomer_neverExceedTheLimit() throws Exception {
    int threads = 8;
    int attemptsPerThread = 50;
    int max = 3;
    ContactLimit limit = marketingLimit(max, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)));
    AtomicInteger recorded = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < attemptsPerThread; i++) {
            // a second customer per thread keeps other keys busy at the same time
            ledger.recordIfWithin(marketing(CustomerId.of("other-" + thread), T0), List.of());
            if (ledger.recordIfWithin(marketing(ALICE, T0.plusMillis(i)), List.of(limit)).isEmpty()) {
              recorded.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(recorded.get()).isEqualTo(max);
    assertThat(ledger.contactsOf(ALICE)).hasSize(max);
    for (int t = 0; t < threads; t++) {
      assertThat(ledger.contactsOf(CustomerId.of("other-" + t))).hasSize(attemptsPerThread);
    }
  }

  private static ContactRecord marketing(CustomerId customer, Instant at) {
    return new ContactRecord(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, Optional.empty(), false, at);
  }

  private static ContactLimit marketingLimit(int max, Instant from, Instant until) {
    return ImmutableContactLimit.builder()
        .rule("test-cap")
        .reason(DenialReason.FREQUENCY_CAP)
        .description("at most " + max + " marketing")
        .addPurposes(ContactPurpose.MARKETING)
        .from(from)
        .until(until)
        .max(max)
        .build();
  }
}
