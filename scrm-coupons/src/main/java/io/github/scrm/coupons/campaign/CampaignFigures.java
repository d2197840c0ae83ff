package io.github.scrm.coupons.campaign;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.ledger.CampaignReport;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.ledger.Reconciliation;
import io.github.scrm.coupons.spi.CampaignCounters;
import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.spi.Reservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Derives a campaign's report and reconciliation from its ledger, coupons and counters. */
final class CampaignFigures {
  private final CouponStore store;
  private final Campaign campaign;
  private final List<LedgerEntry> ledger;
  long issued;
  long claimed;
  long liability;
  long redemptions;
  long restores;
  long discountRedeemed;
  long discountRefunded;
  final Map<String, Integer> netRedeemedByCode = new HashMap<>();
  /** Reservation ids of redemptions (the reference of REDEEMED entries written at confirmation). */
  final Set<String> orders = new HashSet<>();

  CampaignFigures(CouponStore store, Campaign campaign) {
    this.store = store;
    this.campaign = campaign;
    this.ledger = store.ledger(campaign.id());
    for (LedgerEntry e : ledger) {
      switch (e.event()) {
        case ISSUED -> {
          issued++;
          liability += e.amountFen();
        }
        case CLAIMED -> {
          claimed++;
          liability += e.amountFen();
        }
        case REDEEMED -> {
          redemptions++;
          discountRedeemed += e.amountFen();
          netRedeemedByCode.merge(e.code(), 1, Integer::sum);
          orders.add(e.reference());
        }
        case RESTORED -> {
          restores++;
          netRedeemedByCode.merge(e.code(), -1, Integer::sum);
        }
        case REFUNDED -> discountRefunded += e.amountFen();
        default -> { }
      }
    }
  }

  CampaignReport report(CampaignStatus status) {
    long redeemed = redemptions - restores;
    long total = issued + claimed;
    Percent rate = Percent.ofBasisPoints(total == 0 ? 0
        : (int) (redeemed * Percent.BASIS_POINTS_PER_WHOLE / total));
    long gmv = 0;
    for (String reservation : orders) {
      gmv += store.reservation(reservation).filter(r -> r.state() == Reservation.State.CONFIRMED)
          .map(Reservation::gmvFen).orElse(0L);
    }
    CampaignCounters counters = store.counters(campaign.id());
    java.util.Currency cur = campaign.template().currency();
    Optional<Money> liabilityLeft = campaign.maxLiability().map(m -> Money.of(m.minorUnits() - liability, cur));
    Optional<Money> discountLeft = campaign.maxDiscountGranted()
        .map(m -> Money.of(m.minorUnits() - counters.committedDiscountFen(), cur));
    return new CampaignReport(campaign.id(), status, issued, claimed, redeemed, rate,
        Money.of(discountRedeemed - discountRefunded, cur), Money.of(gmv, cur), liabilityLeft, discountLeft);
  }

  Reconciliation reconcile() {
    List<String> p = new ArrayList<>();
    CampaignCounters c = store.counters(campaign.id());
    long issuedTotal = issued + claimed;
    long redeemed = redemptions - restores;
    if (c.issued() != issuedTotal) {
      p.add("issued counter must equal the ledger's issue entries " + issuedTotal + ", but was " + c.issued());
    }
    if (c.issued() > campaign.stock()) {
      p.add("issued must be at most stock " + campaign.stock() + ", but was " + c.issued());
    }
    if (c.redeemed() != redeemed) {
      p.add("redeemed counter must equal the ledger's net redemptions " + redeemed + ", but was " + c.redeemed());
    }
    if (redeemed > issuedTotal) {
      p.add("redeemed must be at most issued " + issuedTotal + ", but was " + redeemed);
    }
    if (c.liabilityFen() != liability) {
      p.add("liability counter must equal the ledger's face values " + liability + ", but was " + c.liabilityFen());
    }
    campaign.maxLiability().ifPresent(m -> {
      if (c.liabilityFen() > m.minorUnits()) {
        p.add("liability must be at most " + m + ", but was " + c.liabilityFen() + " fen");
      }
    });
    campaign.maxDiscountGranted().ifPresent(m -> {
      if (c.committedDiscountFen() > m.minorUnits()) {
        p.add("committed discount must be at most " + m + ", but was " + c.committedDiscountFen() + " fen");
      }
    });
    java.util.Currency cur = campaign.template().currency();
    if (c.committedDiscountFen() < 0) {
      p.add("committed discount must not be negative, but was " + Money.of(c.committedDiscountFen(), cur));
    }
    for (String id : orders) {
      Optional<Reservation> r = store.reservation(id);
      if (r.isEmpty()) {
        continue; // an offline redemption: no reservation, no refunds
      }
      for (var use : r.get().uses()) {
        if (!use.campaign().equals(campaign.id())) {
          continue;
        }
        long back = 0;
        for (var refund : r.get().refunds()) {
          back += refund.returnedByCoupon().getOrDefault(use.code().value(), 0L)
              + refund.clawbackByCoupon().getOrDefault(use.code().value(), 0L);
        }
        if (back > use.discountFen()) {
          p.add("coupon " + use.code() + " on order " + r.get().orderId() + ": returned and clawed back must be at "
              + "most its discount " + Money.of(use.discountFen(), cur) + ", but were " + Money.of(back, cur));
        }
      }
    }
    List<Coupon> coupons = store.coupons(campaign.id());
    if (coupons.size() != issuedTotal) {
      p.add("stored coupons must equal issued " + issuedTotal + ", but were " + coupons.size());
    }
    for (Coupon coupon : coupons) {
      int net = netRedeemedByCode.getOrDefault(coupon.code().value(), 0);
      int expected = coupon.status() == CouponStatus.REDEEMED ? 1 : 0;
      if (net != expected) {
        p.add("coupon " + coupon.code() + " must have " + expected + " net redemption entries as it is "
            + coupon.status() + ", but had " + net);
      }
    }
    return new Reconciliation(campaign.id(), p);
  }
}
