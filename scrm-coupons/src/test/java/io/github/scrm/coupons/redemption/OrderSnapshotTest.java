package io.github.scrm.coupons.redemption;

import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OrderSnapshotTest {
  private static final Instant NOW = Instant.parse("2026-05-20T02:00:00Z");

  @Test
  void reservation_keepsLineQuantitiesNetAmountsAndEveryAllocation_exactly() {
    Order order = order("o1", alice(), 100_00, 50_00, 30_00);
    List<OrderLine> lines = order.lines();
    String l0 = lines.get(0).lineId();
    String l1 = lines.get(1).lineId();
    String l2 = lines.get(2).lineId();
    CouponUse whole = new CouponUse(new CouponCode("AAA"), CampaignId.of("c1"), 18_00,
        Map.of(l0, 10_00L, l1, 5_00L, l2, 3_00L));
    CouponUse some = new CouponUse(new CouponCode("BBB"), CampaignId.of("c2"), 7_00, Map.of(l2, 7_00L));
    CouponUse shipping = new CouponUse(new CouponCode("CCC"), CampaignId.of("c3"), 10_00,
        Map.of(Quote.SHIPPING, 10_00L));

    Reservation r = OrderSnapshot.reservation("r1", order, List.of(whole, some, shipping), NOW, NOW.plusSeconds(900));

    assertThat(r.uses()).isEqualTo(List.of(whole, some, shipping));
    for (OrderLine l : lines) {
      assertThat(r.lineQuantities()).containsEntry(l.lineId(), l.quantity());
      assertThat(r.lineNetFen()).containsEntry(l.lineId(), l.netFen());
    }
    assertThat(r.lineQuantities()).hasSize(3);
    assertThat(r.gmvFen()).isEqualTo(order.netFen());
    assertThat(r.state()).isEqualTo(Reservation.State.ACTIVE);
    assertThat(r.version()).isZero();
    assertThat(r.expiresAt()).isEqualTo(NOW.plusSeconds(900));
  }
}
