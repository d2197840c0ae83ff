package io.github.scrm.benchmarks.contact;

import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.CampaignId;
import io.github.scrm.core.contact.ContactDecision;
import io.github.scrm.core.contact.ContactLedgers;
import io.github.scrm.core.contact.ContactPolicy;
import io.github.scrm.core.contact.ContactRequest;
import io.github.scrm.core.contact.InMemoryContactSubjects;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.ContactSubject;
import io.github.scrm.core.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of {@link ContactPolicy#checkAndRecord} with the default rules over the in-memory ledger: every call
 * looks the customer up, runs consent, PIPL, quiet-hour, cap, platform and campaign rules, and records when allowed.
 * Each thread walks its own slice of customers, one attempt per customer per simulated business day at 10:00
 * Shanghai, with a mix of purposes, bulk WeCom messages and campaigns, so that some attempts pass and some hit caps.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ContactPolicyBenchmark {

  private static final Instant FIRST_DAY =
      LocalDateTime.parse("2026-11-23T10:00").atZone(BusinessTime.SHANGHAI).toInstant();

  /** The policy, the ledger and the customers, shared by all threads. */
  @State(Scope.Benchmark)
  public static class World {
    @Param({"100000"})
    public int customers;

    ContactPolicy policy;
    ContactLedger ledger;
    CustomerId[] ids;
    final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() {
      List<Consent> everything = new ArrayList<>();
      for (ContactChannel channel : ContactChannel.values()) {
        for (ContactPurpose purpose : ContactPurpose.values()) {
          everything.add(new Consent(channel, purpose, ConsentStatus.GRANTED, FIRST_DAY.minus(Duration.ofDays(300)),
              "store-pos"));
        }
      }
      InMemoryContactSubjects subjects = new InMemoryContactSubjects();
      ids = new CustomerId[customers];
      for (int i = 0; i < customers; i++) {
        ids[i] = CustomerId.of("customer-" + i);
        subjects.put(ContactSubject.of(ids[i], everything));
      }
      ledger = ContactLedgers.inMemory();
      policy = ContactPolicy.builder().subjects(subjects).ledger(ledger).build();
    }
  }

  /** One thread's position: its slice of customers and its simulated day. */
  @State(Scope.Thread)
  public static class Cursor {
    int first;
    int size;
    long step;
    CampaignId[] campaigns;

    @Setup(Level.Trial)
    public void setUp(World world) {
      int thread = world.threads.getAndIncrement();
      // slices for up to 4 threads; more threads share slices, which only adds contention
      size = world.customers / 4;
      first = (thread % 4) * size;
      campaigns = new CampaignId[64];
      for (int i = 0; i < campaigns.length; i++) {
        campaigns[i] = CampaignId.of("campaign-" + i);
      }
    }

    @Setup(Level.Iteration)
    public void prune(World world) {
      // keep two weeks, longer than any default calendar window, so memory stays flat
      world.ledger.pruneBefore(dayOf(step).minus(Duration.ofDays(14)));
    }

    Instant dayOf(long s) {
      return FIRST_DAY.plus(Duration.ofDays(s / size));
    }

    ContactRequest next(World world) {
      long s = step++;
      CustomerId customer = world.ids[first + (int) (s % size)];
      Instant at = dayOf(s).plusSeconds(s % 3600);
      int kind = (int) (s % 10);
      if (kind < 6) {
        return ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, at)
            .withCampaign(Optional.of(campaigns[(int) (s / size % campaigns.length)]));
      }
      if (kind < 8) {
        return ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.SERVICE, at).withBulk(true);
      }
      return ContactRequest.of(customer, ContactChannel.SMS, ContactPurpose.CARE, at);
    }
  }

  /** One thread. */
  @Benchmark
  @Threads(1)
  public ContactDecision checkAndRecord(World world, Cursor cursor) {
    return world.policy.checkAndRecord(cursor.next(world));
  }

  /** Two threads on disjoint customers: shows that the ledger has no global lock. */
  @Benchmark
  @Threads(2)
  public ContactDecision checkAndRecordTwoThreads(World world, Cursor cursor) {
    return world.policy.checkAndRecord(cursor.next(world));
  }

  /** Check only, nothing recorded: the cost of the rules and the lookups. */
  @Benchmark
  @Threads(1)
  public ContactDecision check(World world, Cursor cursor) {
    return world.policy.check(cursor.next(world));
  }
}
