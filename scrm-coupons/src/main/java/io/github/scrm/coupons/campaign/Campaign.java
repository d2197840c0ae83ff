package io.github.scrm.coupons.campaign;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.Audience;
import io.github.scrm.coupons.template.CouponTemplate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A coupon campaign: a {@link CouponTemplate}, a stock, per-customer limits, a claim window, an optional
 * {@link Audience} and a budget. The store enforces stock, limits and the liability budget with conditional updates,
 * so they hold under any concurrency.
 *
 * <pre>{@code
 * Campaign c = Campaign.builder()
 *     .id(CampaignId.of("double11")).template(template).stock(10_000).perCustomerLimit(1)
 *     .claimFrom(LocalDateTime.parse("2026-11-01T00:00")).claimUntil(LocalDateTime.parse("2026-11-12T00:00"))
 *     .createdBy("op-alice")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ScrmStyle
public abstract class Campaign {

  /** A new builder. */
  public static ImmutableCampaign.Builder builder() {
    return ImmutableCampaign.builder();
  }

  /** The campaign id. */
  public abstract CampaignId id();

  /** The coupon every issuance creates. */
  public abstract CouponTemplate template();

  /** Total coupons the campaign may ever issue. */
  public abstract long stock();

  /**
   * Coupons one customer may hold from this campaign in total, issued to them or transferred to them; a coupon they
   * used, let expire or gave away still counts. 1 by default.
   */
  @Value.Default
  public int perCustomerLimit() {
    return 1;
  }

  /** Coupons one customer may receive per business day; no daily limit when empty. */
  public abstract OptionalInt perDayLimit();

  /** Start of the claim window in the business zone, inclusive. */
  public abstract LocalDateTime claimFrom();

  /** End of the claim window in the business zone, exclusive. */
  public abstract LocalDateTime claimUntil();

  /** The campaign's end; no coupon is valid beyond it. Unbounded when empty. */
  public abstract Optional<LocalDateTime> end();

  /** Who may receive coupons; anybody when empty. */
  @Value.Auxiliary
  public abstract Optional<Audience> audience();

  /** The maximum face-value liability of all coupons issued (Σ worst-case discount). */
  public abstract Optional<Money> maxLiability();

  /** The maximum discount actually granted on orders. */
  public abstract Optional<Money> maxDiscountGranted();

  /** The operator who created the campaign (safe to log: an operator id, not a name). */
  public abstract String createdBy();

  /** The claim window start as an instant in {@code zone}. */
  public final java.time.Instant claimStart(ZoneId zone) {
    return claimFrom().atZone(zone).toInstant();
  }

  /** The claim window end as an instant in {@code zone}. */
  public final java.time.Instant claimEnd(ZoneId zone) {
    return claimUntil().atZone(zone).toInstant();
  }

  @Value.Check
  final void check() {
    List<String> p = new ArrayList<>();
    if (stock() <= 0) {
      p.add("stock must be positive, but was " + stock());
    }
    if (perCustomerLimit() <= 0) {
      p.add("per-customer limit must be positive, but was " + perCustomerLimit());
    }
    if (perDayLimit().isPresent() && perDayLimit().getAsInt() <= 0) {
      p.add("per-day limit must be positive, but was " + perDayLimit().getAsInt());
    }
    if (!claimUntil().isAfter(claimFrom())) {
      p.add("claim window must end after it starts, but was [" + claimFrom() + ", " + claimUntil() + ")");
    }
    if (end().isPresent() && end().get().isBefore(claimFrom())) {
      p.add("campaign end must not be before the claim window starts, but was " + end().get());
    }
    maxLiability().ifPresent(m -> {
      if (!m.isPositive() || !m.currency().equals(template().currency())) {
        p.add("max liability must be positive in " + template().currency() + ", but was " + m);
      }
    });
    maxDiscountGranted().ifPresent(m -> {
      if (!m.isPositive() || !m.currency().equals(template().currency())) {
        p.add("max discount granted must be positive in " + template().currency() + ", but was " + m);
      }
    });
    if (createdBy().isBlank()) {
      p.add("createdBy must name the operator, but was blank");
    }
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("campaign '" + id() + "' is invalid: " + String.join("; ", p));
    }
  }
}
