package io.github.scrm.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class StaffDirectoryConcurrencyTest {

  private static final int THREADS = 12;

  @Test
  void acquire_manyThreadsScanningOneCode_neverExceedsTheMaximumPerStaff() throws Exception {
    StaffFixtures f = new StaffFixtures(StaffFixtures.maxCustomers(50));
    f.directory.register(StaffId.of("lin"), "jingan");
    AcquisitionCode code = f.codeOf(StaffId.of("lin"));
    AtomicInteger acquired = new AtomicInteger();

    hammer(thread -> {
      for (int i = 0; i < 20; i++) {
        CustomerId customer = CustomerId.of("c-" + thread + "-" + i);
        if (f.directory.acquire(code, customer, ContactChannel.WECOM) instanceof AcquisitionOutcome.Acquired) {
          acquired.incrementAndGet();
        }
      }
    });

    assertThat(acquired.get()).isEqualTo(50);
    assertThat(f.directory.load(StaffId.of("lin"))).isEqualTo(50);
  }

  @Test
  void acquire_twoDirectoriesOverOneStore_neverBothTakeTheLastPlace() throws Exception {
    StaffFixtures f = new StaffFixtures(StaffFixtures.maxCustomers(1));
    StaffDirectory other = StaffDirectory.builder()
        .store(f.store)
        .ids(IdSource.sequential("u", 7))
        .clock(f.clock)
        .policy(StaffFixtures.maxCustomers(1))
        .build();
    int staff = 300;
    List<AcquisitionCode> codes = new ArrayList<>();
    for (int s = 0; s < staff; s++) {
      f.directory.register(StaffId.of("s" + s), "jingan");
      codes.add(f.codeOf(StaffId.of("s" + s)));
    }
    AtomicInteger acquired = new AtomicInteger();

    // every staff member has one free place, and half the threads go through each directory
    hammer(thread -> {
      StaffDirectory directory = thread % 2 == 0 ? f.directory : other;
      for (int s = 0; s < staff; s++) {
        CustomerId customer = CustomerId.of("c-" + thread + "-" + s);
        if (directory.acquire(codes.get(s), customer, ContactChannel.WECOM) instanceof AcquisitionOutcome.Acquired) {
          acquired.incrementAndGet();
        }
      }
    });

    assertThat(acquired.get()).isEqualTo(staff);
    for (int s = 0; s < staff; s++) {
      assertThat(f.store.load(StaffId.of("s" + s))).as("customers of s%d", s).isEqualTo(1);
    }
  }

  @Test
  void acquire_manyThreadsOneCustomerDifferentStaff_exactlyOneOwner() throws Exception {
    StaffFixtures f = new StaffFixtures();
    List<AcquisitionCode> codes = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      f.directory.register(StaffId.of("s" + t), "jingan");
      codes.add(f.codeOf(StaffId.of("s" + t)));
    }
    AtomicInteger acquired = new AtomicInteger();
    CustomerId alice = CustomerId.of("alice");

    hammer(thread -> {
      if (f.directory.acquire(codes.get(thread), alice, ContactChannel.WECOM)
          instanceof AcquisitionOutcome.Acquired) {
        acquired.incrementAndGet();
      }
    });

    assertThat(acquired.get()).isEqualTo(1);
    int owners = 0;
    for (int t = 0; t < THREADS; t++) {
      owners += f.directory.load(StaffId.of("s" + t));
    }
    assertThat(owners).isEqualTo(1);
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
