package io.github.scrm.coupons.internal;

import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignStatus;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One campaign's definition, status, counters and ledger in the in-memory store. */
final class CampaignSlot {
  final Campaign campaign;
  final AtomicReference<CampaignStatus> status;
  final long maxLiability;
  final long maxDiscount;
  final AtomicLong issued = new AtomicLong();
  final AtomicLong liability = new AtomicLong();
  final AtomicLong redeemed = new AtomicLong();
  final AtomicLong committed = new AtomicLong();
  final LedgerLog ledger = new LedgerLog();

  CampaignSlot(Campaign campaign, CampaignStatus initial) {
    this.campaign = campaign;
    this.status = new AtomicReference<>(initial);
    this.maxLiability = campaign.maxLiability().map(m -> m.minorUnits()).orElse(Long.MAX_VALUE);
    this.maxDiscount = campaign.maxDiscountGranted().map(m -> m.minorUnits()).orElse(Long.MAX_VALUE);
  }
}
