package io.github.scrm.coupons.internal;

import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.bob;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.spi.CouponStoreContract;
import io.github.scrm.coupons.spi.CouponStores;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.ReserveOutcome;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Validity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class InMemoryCouponStoreTest extends CouponStoreContract {
  @Override
  protected CouponStore newStore() {
    return CouponStores.inMemory();
  }

  @Test
  void reserve_couponTransferredAfterTheEngineChecked_isRefusedToTheFormerHolder() {
    CouponTemplate gift = CouponTemplate.builder().id("gift").name("gift").benefit(Benefit.threshold(100_00, 10_00))
        .validity(new Validity.DaysAfterIssue(3)).transferable(true).build();
    CampaignId id = CampaignId.of("gift");
    coupons.campaigns().create(campaign(id.value(), gift, 10));
    Coupon issued = ((IssueResult.Issued) coupons.issuance().claim(id, alice(), "k")).coupon();
    // the engine validated alice's order, then the coupon went to bob before the store reserved it
    coupons.issuance().transfer(issued.code(), alice(), bob(), "t");
    Reservation forAlice = new Reservation("r1", "o1", alice(), List.of(new CouponUse(issued.code(), id, 10_00,
        Map.of("L0", 10_00L))), Map.of("L0", 1L), Map.of("L0", 200_00L), 200_00, clock.instant(),
        clock.instant().plus(Duration.ofMinutes(15)), Reservation.State.ACTIVE, List.of(), 0);
    LedgerEntry template = new LedgerEntry(CampaignId.of("order"), "", LedgerEvent.RESERVED, "r1",
        Actor.customer(alice()), clock.instant(), 0, "o1");

    ReserveOutcome out = store.reserve(forAlice, clock.instant(), template);

    assertThat(out).isEqualTo(new ReserveOutcome.Refused(ReserveOutcome.Reason.UNKNOWN_COUPON,
        issued.code().value()));
    assertThat(store.coupon(issued.code()).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(store.reservation("r1")).isEmpty();
  }
}
