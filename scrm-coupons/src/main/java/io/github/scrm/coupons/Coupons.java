package io.github.scrm.coupons;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.campaign.Campaigns;
import io.github.scrm.coupons.code.CodeGenerator;
import io.github.scrm.coupons.code.CodeSource;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.issuance.Issuance;
import io.github.scrm.coupons.issuance.ShareAttribution;
import io.github.scrm.coupons.redemption.Redemption;
import io.github.scrm.coupons.redemption.RedemptionPolicy;
import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.spi.CouponStores;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The coupon engine: the one entry point of this module.
 *
 * <pre>{@code
 * Coupons coupons = Coupons.builder()
 *     .time(BusinessTime.of(clock))
 *     .idSource(IdSource.secure())
 *     .store(CouponStores.inMemory())        // or the host's JDBC store
 *     .guardrails(Guardrails.defaults())     // on by default
 *     .build();
 * coupons.campaigns().create(campaign);
 * coupons.issuance().claim(campaignId, customer, "claim-42");
 * coupons.redemption().redeem(order, List.of(code), "order-7");
 * }</pre>
 *
 * <p>{@link #campaigns()} creates and controls campaigns behind the guardrails, {@link #issuance()} gets coupons to
 * customers, {@link #redemption()} uses them on orders and handles refunds. Thread-safe; build one per store.
 */
public final class Coupons {
  private final Campaigns campaigns;
  private final Issuance issuance;
  private final Redemption redemption;
  private final CouponStore store;

  private Coupons(Builder b, BusinessTime time, IdSource ids) {
    CodeSource codes = b.codes != null ? b.codes : CodeGenerator.of(ids.random(), b.codePrefix);
    CouponsContext ctx = CouponsContext.of(b.store, time, ids, codes, b.guardrails, b.policy, b.knownCustomers);
    this.store = b.store;
    this.campaigns = Campaigns.create(ctx);
    this.issuance = Issuance.create(ctx, b.shareListener);
    this.redemption = Redemption.create(ctx);
  }

  /** A new builder; {@code time} and {@code idSource} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Campaigns: create behind the guardrails, dry run, approve, freeze, resume, revoke, report, reconcile. */
  public Campaigns campaigns() {
    return campaigns;
  }

  /** Issuance: claim, bulk, triggers, share tokens, transfers, the referral {@code RewardIssuer}. */
  public Issuance issuance() {
    return issuance;
  }

  /** Redemption: validate, best combination, reserve, confirm, release, redeem, refund, offline sync. */
  public Redemption redemption() {
    return redemption;
  }

  /** The store in use. */
  public CouponStore store() {
    return store;
  }

  /** Builds {@link Coupons}. */
  public static final class Builder {
    private BusinessTime time;
    private IdSource idSource;
    private CouponStore store = CouponStores.inMemory();
    private Guardrails guardrails = Guardrails.defaults();
    private RedemptionPolicy policy = RedemptionPolicy.defaults();
    private String codePrefix = "";
    private CodeSource codes;
    private Predicate<CustomerId> knownCustomers = c -> true;
    private Consumer<ShareAttribution> shareListener = a -> { };

    private Builder() {}

    /** The clock and business zone (required). */
    public Builder time(BusinessTime time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /** Ids and the random source of coupon codes (required; a {@code SecureRandom} in production). */
    public Builder idSource(IdSource idSource) {
      this.idSource = Objects.requireNonNull(idSource, "idSource");
      return this;
    }

    /** The store; {@link CouponStores#inMemory()} by default. */
    public Builder store(CouponStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The guardrails; {@link Guardrails#defaults()} (on) by default. */
    public Builder guardrails(Guardrails guardrails) {
      this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
      return this;
    }

    /** Redemption and refund policy; {@link RedemptionPolicy#defaults()} by default. */
    public Builder policy(RedemptionPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** A prefix for every coupon code (1 to 8 of {@code [A-Z0-9]}); none by default. */
    public Builder codePrefix(String prefix) {
      this.codePrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Where codes come from instead of random codes with {@link #codePrefix}: for example
     * {@code SignedCodes.of(key, new SecureRandom(), "POS")} so that terminals can verify codes offline.
     */
    public Builder codes(CodeSource source) {
      this.codes = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Which customers exist; orders of others are refused. Everybody by default. */
    public Builder knownCustomers(Predicate<CustomerId> known) {
      this.knownCustomers = Objects.requireNonNull(known, "known");
      return this;
    }

    /** Receives every claim through a share token, attributed to the sharer (feed it to referral tracking). */
    public Builder shareListener(Consumer<ShareAttribution> listener) {
      this.shareListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The engine; fails naming the fix when a required part is missing. */
    public Coupons build() {
      if (time == null) {
        throw new IllegalStateException(
            "time is required: pass BusinessTime.of(Clock.systemUTC()) or your own clock and zone");
      }
      if (idSource == null) {
        throw new IllegalStateException(
            "idSource is required: pass IdSource.secure() (codes must come from a secure random source)");
      }
      return new Coupons(this, time, idSource);
    }
  }
}
