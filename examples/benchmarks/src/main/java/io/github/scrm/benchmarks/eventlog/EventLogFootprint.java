package io.github.scrm.benchmarks.eventlog;

import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.EventLog;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The in-memory {@link EventLog} alone: {@code customers} customers (default 1M) with {@code eventsPerCustomer} events
 * each (default 10: one join and a mixed stream like {@code core.HeapPerCustomer}'s), appended straight to the log.
 * Prints the log's heap per customer after GC and the thread CPU time per append, per {@code ownerOf} and per event
 * read back. Run:
 * {@code java -Xmx8g -cp examples/benchmarks/target/benchmarks.jar io.github.scrm.benchmarks.eventlog.EventLogFootprint}.
 */
public final class EventLogFootprint {

  private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
  private static final String[] BRANDS = {"Nike", "Adidas", "Anta", "Lining", "Puma", "Uniqlo", "Muji", "Pop Mart"};
  private static final String[] CATEGORIES = {"shoes", "apparel", "toys", "home", "beauty"};
  private static final String[] CITIES = {"Shanghai", "Beijing", "Hangzhou", "Chengdu", "Shenzhen"};
  private static final Money PRICE = Money.fen(199_00);

  private EventLogFootprint() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int eventsPerCustomer = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    CustomerId[] owners = new CustomerId[customers];
    Identifier[] members = new Identifier[customers];
    Identifier[] unionids = new Identifier[customers];
    for (int c = 0; c < customers; c++) {
      owners[c] = CustomerId.of("c" + (c + 1));
      members[c] = Identifier.of(IdentifierType.MEMBER_NUMBER, "M" + (10_000_000 + c));
      unionids[c] = Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-brand", "oU" + Integer.toHexString(c * 31 + 7));
    }
    long baseline = usedAfterGc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    EventLog log = EventLog.inMemory();
    long mixed = (long) customers * (eventsPerCustomer - 1);
    long total = customers + mixed;
    long appendNanos = 0;
    // events are made outside the timed part in batches, so that only the log's work is counted
    int batch = 10_000;
    CustomerEvent[] events = new CustomerEvent[batch];
    int[] whose = new int[batch];
    for (long i = 0; i < total; i += batch) {
      int n = (int) Math.min(batch, total - i);
      for (int k = 0; k < n; k++) {
        long e = i + k;
        if (e < customers) {
          whose[k] = (int) e;
          events[k] = new MembershipJoined("join-" + e, NOW.minus(Duration.ofDays(400 + e % 300)), NOW, "wechat",
              List.of(members[(int) e]), null);
        } else {
          long h = mix(e - customers);
          whose[k] = (int) Long.remainderUnsigned(h, customers);
          events[k] = event("h-" + (e - customers), h, whose[k], members, unionids);
        }
      }
      long start = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < n; k++) {
        log.append(owners[whose[k]], events[k]);
      }
      appendNanos += threads.getCurrentThreadCpuTime() - start;
    }
    java.util.Arrays.fill(events, null);
    long heap = usedAfterGc() - baseline;
    // what the baseline held must still be held, or its release would be subtracted from the log's heap
    Reference.reachabilityFence(members);
    Reference.reachabilityFence(unionids);

    long start = threads.getCurrentThreadCpuTime();
    int found = 0;
    for (long i = 0; i < 1_000_000; i++) {
      found += log.ownerOf("h-" + (mix(i) % mixed)).isPresent() ? 1 : 0;
    }
    double ownerOfNanos = (threads.getCurrentThreadCpuTime() - start) / 1e6;
    start = threads.getCurrentThreadCpuTime();
    long read = 0;
    for (int c = 0; c < customers; c += 10) {
      read += log.eventsOf(owners[c]).size();
    }
    double readNanos = (double) (threads.getCurrentThreadCpuTime() - start) / read;

    System.out.printf("customers=%d events=%d%n", customers, total);
    System.out.printf("event log heap per customer: %.0f bytes (%.1f per event)%n", (double) heap / customers,
        (double) heap / total);
    System.out.printf("append: %.0f ns per event (thread cpu); ownerOf: %.0f ns (%d of 1M found); eventsOf: %.0f ns "
        + "per event read%n", (double) appendNanos / total, ownerOfNanos, found, readNanos);
    System.out.println(log);
  }

  private static CustomerEvent event(String id, long h, int c, Identifier[] members, Identifier[] unionids) {
    int kind = (int) ((h >>> 40) % 10);
    Instant at = NOW.minus(Duration.ofMinutes((h >>> 20) % (400L * 24 * 60)));
    List<Identifier> ids = c % 3 == 0 && kind < 3 ? List.of(members[c], unionids[c]) : List.of(members[c]);
    int n = (int) (h & 0xffff);
    switch (kind) {
      case 0, 1, 2:
        PurchaseLine line = new PurchaseLine("sku-" + (n % 500), BRANDS[n % BRANDS.length],
            CATEGORIES[n % CATEGORIES.length], 1 + n % 3, PRICE, n % 4 == 0 ? Money.fen(20_00) : Money.fen(0));
        return new Purchase(id, at, at, "erp", ids, "o-" + c + "-" + (n % 8), List.of(line), line.netAmount(),
            n % 5 == 0 ? List.of("C" + (n % 50)) : List.of(), n % 2 == 0 ? "store" : "miniprogram",
            n % 2 == 0 ? "S" + (n % 40) : null, null);
      case 3:
        return new Refund(id, at, at, "erp", ids, "o-" + c + "-" + (n % 8), List.of(), Money.fen(50_00));
      case 4, 5, 6, 7:
        InteractionKind ik = InteractionKind.values()[n % InteractionKind.values().length];
        return new SocialInteraction(id, at, at, "douyin", ids, SocialPlatform.values()[n % 4], ik,
            ik == InteractionKind.REVIEW ? 1 + n % 5 : null, null, (long) n * 3, n % 2 == 0 ? "post-" + (n % 100) : null,
            n % 3 == 0 ? List.of("topic-" + (n % 20)) : List.of());
      case 8:
        return new CommunityActivity(id, at, at, "wecom", ids, "g-" + (n % 100), CommunityAction.MESSAGE, null);
      default:
        return n % 2 == 0
            ? ProfileUpdated.of(id, at, "app", ids).withLocation(CITIES[n % CITIES.length], null)
            : new ConsentChanged(id, at, at, "store-pos", ids, ContactChannel.values()[n % 3],
                ContactPurpose.MARKETING, n % 4 == 0 ? ConsentStatus.WITHDRAWN : ConsentStatus.GRANTED);
    }
  }

  private static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
