package io.github.scrm.coupons.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.code.CodeSource;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.redemption.RedemptionPolicy;
import io.github.scrm.coupons.spi.CouponStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What every feature of one {@code Coupons} instance shares. Built by {@code Coupons.builder()}; not an API.
 *
 * @param store the coupon store
 * @param time clock and business zone
 * @param ids ids and randomness
 * @param codes where new codes come from
 * @param guardrails the guardrails
 * @param policy redemption and refund policy
 * @param knownCustomers which customers exist (orders of others are refused)
 * @param breaker the redemption-speed circuit breaker
 * @param campaignCache definitions never change, so they are cached per instance
 */
public record CouponsContext(
    CouponStore store,
    BusinessTime time,
    IdSource ids,
    CodeSource codes,
    Guardrails guardrails,
    RedemptionPolicy policy,
    Predicate<CustomerId> knownCustomers,
    SpeedBreaker breaker,
    Map<CampaignId, Campaign> campaignCache) {

  /** A context with an empty cache and a breaker from the guardrails. */
  public static CouponsContext of(CouponStore store, BusinessTime time, IdSource ids, CodeSource codes,
      Guardrails guardrails, RedemptionPolicy policy, Predicate<CustomerId> knownCustomers) {
    return new CouponsContext(store, time, ids, codes, guardrails, policy, knownCustomers,
        new SpeedBreaker(guardrails.speedLimit(), store), new ConcurrentHashMap<>());
  }

  /** The campaign definition, cached. */
  public Optional<Campaign> campaign(CampaignId id) {
    Campaign c = campaignCache.get(id);
    if (c != null) {
      return Optional.of(c);
    }
    Optional<Campaign> loaded = store.campaign(id);
    loaded.ifPresent(x -> campaignCache.putIfAbsent(id, x));
    return loaded;
  }
}
