package io.github.scrm.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.scrm.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class StaffDirectoryProperties {

  @Test
  void roundRobinReassignment_balancesWithinOne() {
    qt().withExamples(60)
        .forAll(integers().between(1, 60), integers().between(1, 6))
        .checkAssert((customers, candidates) -> {
          StaffFixtures f = new StaffFixtures(StaffFixtures.immediateTransfers());
          f.staffWithCustomers(StaffId.of("leaver"), "jingan", customers);
          List<StaffId> colleagues = new ArrayList<>();
          for (int i = 0; i < candidates; i++) {
            colleagues.add(StaffId.of("colleague-" + i));
            f.directory.register(colleagues.get(i), "jingan");
          }

          DepartureReport report = f.directory.depart(StaffId.of("leaver"), colleagues.get(0),
              ReassignmentStrategy.ROUND_ROBIN);

          Map<StaffId, Long> given = report.outcomes(TransferOutcome.Transferred.class).stream()
              .collect(Collectors.groupingBy(TransferOutcome.Transferred::to, Collectors.counting()));
          List<Long> counts = colleagues.stream().map(c -> given.getOrDefault(c, 0L)).toList();
          assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo((long) customers);
          assertThat(max(counts) - min(counts)).isLessThanOrEqualTo(1);
        });
  }

  @Test
  void leastLoadedReassignment_neverLeavesAGapLargerThanNeeded() {
    qt().withExamples(60)
        .forAll(integers().between(0, 40), lists().of(integers().between(0, 10)).ofSizeBetween(1, 5))
        .checkAssert((customers, initialLoads) -> {
          StaffFixtures f = new StaffFixtures(StaffFixtures.immediateTransfers());
          f.staffWithCustomers(StaffId.of("leaver"), "jingan", customers);
          List<StaffId> colleagues = new ArrayList<>();
          for (int i = 0; i < initialLoads.size(); i++) {
            colleagues.add(StaffId.of("colleague-" + i));
            f.staffWithCustomers(colleagues.get(i), "jingan", initialLoads.get(i));
          }

          f.directory.depart(StaffId.of("leaver"), colleagues.get(0), ReassignmentStrategy.LEAST_LOADED);

          List<Long> loads = colleagues.stream().map(c -> (long) f.directory.load(c)).toList();
          long total = initialLoads.stream().mapToLong(Integer::longValue).sum() + customers;
          assertThat(loads.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
          // whoever received a customer ends at most one above the least loaded
          for (int i = 0; i < colleagues.size(); i++) {
            if (loads.get(i) > initialLoads.get(i)) {
              assertThat(loads.get(i) - min(loads)).isLessThanOrEqualTo(1);
            }
          }
        });
  }

  @Test
  void anySequenceOfTransferRequests_neverExceedsTwoPerNinetyDays() {
    // each step: which colleague to transfer to, and how many hours to wait afterwards
    qt().withExamples(80)
        .forAll(lists().of(integers().between(0, 2 * 1000 - 1)).ofSizeBetween(1, 40))
        .checkAssert(steps -> {
          StaffFixtures f = new StaffFixtures();
          CustomerId customer = f.staffWithCustomers(StaffId.of("s0"), "jingan", 1).get(0);
          f.directory.register(StaffId.of("s1"), "jingan");
          f.directory.register(StaffId.of("s2"), "jingan");
          for (int step : steps) {
            f.directory.requestTransfer(customer, StaffId.of("s" + (step % 3)));
            f.clock.advance(Duration.ofHours(step / 3 % 900));
          }
          f.clock.advance(Duration.ofDays(2));

          List<Instant> transfers = f.directory.ownership(customer).orElseThrow().periods().stream()
              .filter(p -> p.reason() != OwnershipReason.ACQUIRED)
              .map(OwnershipPeriod::from)
              .toList();
          for (Instant at : transfers) {
            long inWindow = transfers.stream()
                .filter(other -> !other.isBefore(at) && other.isBefore(at.plus(Duration.ofDays(90))))
                .count();
            assertThat(inWindow).as("transfers in the 90 days from %s", at).isLessThanOrEqualTo(2);
          }
        });
  }

  private static long max(Collection<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  private static long min(Collection<Long> values) {
    return values.stream().mapToLong(Long::longValue).min().orElseThrow();
  }
}
