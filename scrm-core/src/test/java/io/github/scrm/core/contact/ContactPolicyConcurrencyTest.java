package io.github.scrm.core.contact;

import static io.github.scrm.core.contact.ContactFixtures.consentingToEverything;
import static io.github.scrm.core.contact.ContactFixtures.marketing;
import static io.github.scrm.core.contact.ContactFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ContactPolicyConcurrencyTest {

  private static final int THREADS = 16;

  @Test
  void checkAndRecord_manyThreadsOneCustomer_onlyOnePassesACapOfOne() throws Exception {
    ContactLedger ledger = ContactLedgers.inMemory();
    CustomerId alice = CustomerId.of("alice");
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(ContactFixtures.subjects(consentingToEverything(alice)))
        .ledger(ledger)
        .build();
    Instant ten = shanghai("2026-11-23T10:00");

    for (int round = 0; round < 20; round++) {
      Instant day = ten.plusSeconds(86_400L * 7 * round);
      AtomicInteger allowed = new AtomicInteger();
      hammer(thread -> {
        if (policy.checkAndRecord(marketing(alice, ContactChannel.values()[thread % 4], day)).allowed()) {
          allowed.incrementAndGet();
        }
      });
      assertThat(allowed.get()).as("round %d", round).isEqualTo(1);
    }
    assertThat(ledger.contactsOf(alice)).hasSize(20);
  }

  @Test
  void checkAndRecord_manyThreadsManyCustomers_eachCustomerGetsExactlyTheCap() throws Exception {
    ContactLedger ledger = ContactLedgers.inMemory();
    InMemoryContactSubjects subjects = new InMemoryContactSubjects();
    int customers = 50;
    for (int c = 0; c < customers; c++) {
      subjects.put(consentingToEverything(CustomerId.of("c" + c)));
    }
    ContactPolicy policy = ContactPolicy.builder().subjects(subjects).ledger(ledger).build();
    // Monday to Sunday: 7 days, each thread tries every customer every day; the week allows 3
    hammer(thread -> {
      for (int day = 0; day < 7; day++) {
        Instant at = shanghai("2026-11-23T10:00").plusSeconds(86_400L * day + thread);
        for (int c = 0; c < customers; c++) {
          policy.checkAndRecord(marketing(CustomerId.of("c" + ((c + thread) % customers)), ContactChannel.SMS, at));
        }
      }
    });

    for (int c = 0; c < customers; c++) {
      assertThat(ledger.contactsOf(CustomerId.of("c" + c))).as("customer c%d", c).hasSize(3);
    }
  }

  interface ThreadBody {
    void run(int thread) throws Exception;
  }

  private static void hammer(ThreadBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          body.run(thread);
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
  }
}
