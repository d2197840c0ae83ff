package io.github.scrm.core.staff;

import static io.github.scrm.core.staff.StaffFixtures.ALICE;
import static io.github.scrm.core.staff.StaffFixtures.LIN;
import static io.github.scrm.core.staff.StaffFixtures.MONDAY_TEN;
import static io.github.scrm.core.staff.StaffFixtures.WANG;
import static io.github.scrm.core.staff.StaffFixtures.ZHAO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link StaffDirectory#merged}: one owner for the person two merged customer ids turned out to be. */
final class StaffMergeTest {

  /** Alice as a WeChat follower, before her member profile absorbed her. */
  private static final CustomerId FOLLOWER = CustomerId.of("alice-follower");

  private final StaffFixtures f = new StaffFixtures();

  @Test
  void onlyTheAbsorbedCustomerOwned_theOwnerOwnsTheSurvivorFromTheMerge() {
    f.directory.register(LIN, "jingan");
    f.directory.acquire(f.codeOf(LIN), FOLLOWER, ContactChannel.WECOM);
    Instant mergedAt = MONDAY_TEN.plus(Duration.ofDays(3));
    f.clock.set(mergedAt);

    assertThat(f.directory.merged(ALICE, FOLLOWER)).contains(LIN);

    assertThat(f.directory.ownerOf(ALICE)).contains(LIN);
    assertThat(f.directory.ownerOf(FOLLOWER)).isEmpty();
    assertThat(f.directory.load(LIN)).isEqualTo(1);
    OwnershipPeriod takeOver = f.directory.ownership(ALICE).orElseThrow().periods().get(0);
    assertThat(takeOver.reason()).isEqualTo(OwnershipReason.MERGED);
    assertThat(takeOver.from()).isEqualTo(mergedAt);
    assertThat(takeOver.channel()).isEqualTo(ContactChannel.WECOM);
    // what happened before the merge stays with each id
    assertThat(f.directory.ownerAt(FOLLOWER, MONDAY_TEN.plus(Duration.ofDays(1)))).contains(LIN);
    assertThat(f.directory.ownerAt(ALICE, MONDAY_TEN.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void bothOwnedByActiveStaff_theSurvivorKeepsItsOwner_andTheOtherCountsThePersonNoMore() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    f.directory.acquire(f.codeOf(LIN), ALICE, ContactChannel.WECOM);
    f.directory.acquire(f.codeOf(WANG), FOLLOWER, ContactChannel.WECHAT);

    assertThat(f.directory.merged(ALICE, FOLLOWER)).contains(LIN);

    assertThat(f.directory.ownerOf(ALICE)).contains(LIN);
    assertThat(f.directory.ownerOf(FOLLOWER)).isEmpty();
    assertThat(f.directory.load(LIN)).isEqualTo(1);
    assertThat(f.directory.load(WANG)).isZero();
  }

  @Test
  void survivorLeftWithADepartedOwner_theAbsorbedCustomersActiveOwnerTakesOver() {
    StaffFixtures alone = new StaffFixtures(StaffFixtures.maxCustomers(1));
    alone.directory.register(LIN, "jingan");
    alone.directory.register(WANG, "jingan");
    alone.directory.register(ZHAO, "xuhui");
    alone.directory.acquire(alone.codeOf(LIN), ALICE, ContactChannel.WECOM);
    alone.directory.acquire(alone.codeOf(WANG), CustomerId.of("bob"), ContactChannel.WECOM);
    alone.directory.acquire(alone.codeOf(ZHAO), FOLLOWER, ContactChannel.WECOM);
    // Wang is full and Zhao works elsewhere: Alice cannot be placed and stays with Lin, who left
    alone.directory.depart(LIN, WANG, ReassignmentStrategy.SAME_STORE);
    assertThat(alone.directory.ownerOf(ALICE)).contains(LIN);

    assertThat(alone.directory.merged(ALICE, FOLLOWER)).contains(ZHAO);

    assertThat(alone.directory.ownership(ALICE).orElseThrow().periods())
        .extracting(OwnershipPeriod::staff, OwnershipPeriod::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LIN, OwnershipReason.ACQUIRED),
            org.assertj.core.groups.Tuple.tuple(ZHAO, OwnershipReason.MERGED));
    assertThat(alone.directory.load(ZHAO)).isEqualTo(1);
  }

  @Test
  void aTransferPendingForTheAbsorbedCustomer_isPendingForTheSurvivor() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    f.directory.acquire(f.codeOf(LIN), FOLLOWER, ContactChannel.WECOM);
    f.directory.requestTransfer(FOLLOWER, WANG);

    f.directory.merged(ALICE, FOLLOWER);
    f.clock.advance(Duration.ofHours(25));

    assertThat(f.directory.ownerOf(ALICE)).contains(WANG);
    assertThat(f.directory.ownerOf(FOLLOWER)).isEmpty();
    assertThat(f.directory.completeDueTransfers()).singleElement()
        .satisfies(t -> assertThat(t.customer()).isEqualTo(ALICE));
    assertThat(f.directory.load(WANG)).isEqualTo(1);
    assertThat(f.directory.load(LIN)).isZero();
  }

  @Test
  void takingOverAMergedCustomersOwner_isNoTransfer_andLeavesTheTransferLimitWhole() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    f.directory.register(ZHAO, "jingan");
    f.directory.acquire(f.codeOf(LIN), FOLLOWER, ContactChannel.WECOM);
    f.directory.merged(ALICE, FOLLOWER);

    // at most two transfers per 90 days: both still allowed
    assertThat(f.directory.requestTransfer(ALICE, WANG)).isInstanceOf(TransferOutcome.Pending.class);
    f.clock.advance(Duration.ofHours(25));
    assertThat(f.directory.requestTransfer(ALICE, ZHAO)).isInstanceOf(TransferOutcome.Pending.class);
    f.clock.advance(Duration.ofHours(25));
    assertThat(f.directory.requestTransfer(ALICE, LIN)).isInstanceOfSatisfying(TransferOutcome.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(RefusalReason.TRANSFER_LIMIT_REACHED));
  }

  @Test
  void reportingTheSameMergeAgain_changesNothing() {
    f.directory.register(LIN, "jingan");
    f.directory.acquire(f.codeOf(LIN), FOLLOWER, ContactChannel.WECOM);
    f.directory.merged(ALICE, FOLLOWER);
    CustomerOwnership once = f.directory.ownership(ALICE).orElseThrow();
    f.clock.advance(Duration.ofHours(1));

    assertThat(f.directory.merged(ALICE, FOLLOWER)).contains(LIN);

    assertThat(f.directory.ownership(ALICE)).contains(once);
  }

  @Test
  void acquiringTheAbsorbedIdAgain_leavesItsOwnerlessTimeAfterTheMergeOwnerless() {
    f.directory.register(LIN, "jingan");
    f.directory.register(WANG, "jingan");
    f.directory.acquire(f.codeOf(LIN), FOLLOWER, ContactChannel.WECOM);
    Instant mergedAt = MONDAY_TEN.plus(Duration.ofDays(1));
    f.clock.set(mergedAt);
    f.directory.merged(ALICE, FOLLOWER);
    // the merge was undone, and the follower scanned another code
    Instant acquiredAt = mergedAt.plus(Duration.ofDays(10));
    f.clock.set(acquiredAt);

    f.directory.acquire(f.codeOf(WANG), FOLLOWER, ContactChannel.WECHAT);

    assertThat(f.directory.ownerAt(FOLLOWER, mergedAt.minusMillis(1))).contains(LIN);
    assertThat(f.directory.ownerAt(FOLLOWER, mergedAt.plus(Duration.ofDays(5)))).isEmpty();
    assertThat(f.directory.ownerAt(FOLLOWER, acquiredAt)).contains(WANG);
    assertThat(f.directory.ownership(FOLLOWER).orElseThrow().periods().get(0).until()).contains(mergedAt);
  }

  @Test
  void neitherOwned_changesNothing_andAnIdMergedIntoItselfIsRefused() {
    assertThat(f.directory.merged(ALICE, FOLLOWER)).isEmpty();
    assertThat(f.directory.ownership(ALICE)).isEmpty();

    assertThatThrownBy(() -> f.directory.merged(ALICE, ALICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both ids were alice");
  }
}
