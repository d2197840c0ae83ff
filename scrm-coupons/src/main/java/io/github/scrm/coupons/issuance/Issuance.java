package io.github.scrm.coupons.issuance;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CodeGenerator;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.IssueOutcome;
import io.github.scrm.coupons.spi.Quota;
import io.github.scrm.coupons.spi.TransferOutcome;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every way a coupon reaches a customer: claims (领券), bulk issues to an audience (with an optional canary stage),
 * host triggers (post-order shareable coupon, birthday, tier upgrade, monthly by level and spend), share tokens,
 * one-time transfers, and referral rewards through core's {@link RewardIssuer}. Obtained from
 * {@code Coupons.issuance()}.
 *
 * <p>Every call carries an idempotency key and a repeat returns the first result. Scheduled and triggered issues
 * derive their keys from (campaign, customer, period), so rerunning a month or a birthday never issues twice. Stock,
 * per-customer and per-day limits and the liability budget hold under any concurrency. Thread-safe.
 */
public final class Issuance {
  private final CouponsContext ctx;
  private final Issuer issuer;
  private final CodeGenerator tokens;
  private final Consumer<ShareAttribution> shareListener;

  private Issuance(CouponsContext ctx, Consumer<ShareAttribution> shareListener) {
    this.ctx = ctx;
    this.issuer = new Issuer(ctx);
    this.tokens = CodeGenerator.of(ctx.ids().random(), "S");
    this.shareListener = shareListener;
  }

  /** Wiring for {@code Coupons.builder()}. */
  public static Issuance create(CouponsContext ctx, Consumer<ShareAttribution> shareListener) {
    return new Issuance(ctx, shareListener);
  }

  /** A customer claims a coupon (领券). */
  public IssueResult claim(CampaignId campaign, CustomerId customer, String idempotencyKey) {
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.IDEMPOTENCY_KEY);
    return with(campaign, c -> issuer.issue(new Issuer.Request(c, customer, "claim", Actor.customer(customer),
        LedgerEvent.CLAIMED, idempotencyKey, List.of(), "")));
  }

  /** The host or an operator issues one coupon to {@code customer} in {@code batch}. */
  public IssueResult issue(CampaignId campaign, CustomerId customer, String batch, Actor actor,
      String idempotencyKey) {
    CouponMaxLengths.check("batch", batch, CouponMaxLengths.BATCH);
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.IDEMPOTENCY_KEY);
    return with(campaign, c -> issuer.issue(new Issuer.Request(c, customer, batch, actor, LedgerEvent.ISSUED,
        idempotencyKey, List.of(), batch)));
  }

  /**
   * An operator issues one coupon to every member of the campaign's audience, keyed by (campaign, batch, customer).
   * With a {@code canaryShare}, only that share of the members (in customer-id order, at least one) is issued now;
   * {@link #continueBulk} issues the rest after the operator has looked at the canary.
   */
  public BulkResult bulk(CampaignId campaign, String operator, String batch, Optional<Percent> canaryShare) {
    CouponMaxLengths.check("batch", batch, CouponMaxLengths.BATCH);
    Campaign c = ctx.campaign(campaign).orElseThrow(() -> unknown(campaign));
    List<CustomerId> members = members(c);
    long count = members.size();
    if (canaryShare.isPresent()) {
      int bp = canaryShare.get().basisPoints();
      if (bp <= 0 || bp > Percent.BASIS_POINTS_PER_WHOLE) {
        throw new IllegalArgumentException("canary share must be in (0%, 100%], but was " + canaryShare.get());
      }
      count = Math.max(1, (members.size() * (long) bp + Percent.BASIS_POINTS_PER_WHOLE - 1)
          / Percent.BASIS_POINTS_PER_WHOLE);
    }
    return run(c, members.subList(0, (int) Math.min(count, members.size())), operator, batch,
        members.size() - Math.min(count, members.size()));
  }

  /** Issues the rest of a bulk batch after its canary stage; members already served are repeats. */
  public BulkResult continueBulk(CampaignId campaign, String operator, String batch) {
    CouponMaxLengths.check("batch", batch, CouponMaxLengths.BATCH);
    Campaign c = ctx.campaign(campaign).orElseThrow(() -> unknown(campaign));
    return run(c, members(c), operator, batch, 0);
  }

  /**
   * Right after an order: a short-lived coupon for the buyer from {@code campaign} (keyed by campaign and order), and
   * a share token friends can claim through under {@code rules}. Calling it again for the same order returns the
   * same token when the buyer's coupon was issued (the token is derived from that coupon's code); in every case all
   * tokens of one order share one count of claims, so repeats never multiply {@code maxClaims}.
   */
  public PostOrderResult afterOrder(CampaignId campaign, String orderId, CustomerId buyer, ShareRules rules) {
    CouponMaxLengths.check("orderId", orderId, CouponMaxLengths.ORDER_ID);
    String key = "post-order:" + campaign + ':' + orderId;
    IssueResult coupon = with(campaign, c -> issuer.issue(new Issuer.Request(c, buyer, "post-order",
        Actor.system("post-order"), LedgerEvent.ISSUED, key, List.of(), orderId)));
    Instant now = ctx.time().now();
    if (coupon instanceof IssueResult.Issued issued) {
      ShareToken derived = new ShareToken(derivedToken(issued.coupon().code(), rules.friendCampaign(), orderId),
          rules.friendCampaign(), buyer, orderId, now.plus(rules.ttl()), rules.maxClaims(), rules.perFriend());
      if (ctx.store().saveShareToken(derived)) {
        return new PostOrderResult(coupon, derived);
      }
      Optional<ShareToken> saved = ctx.store().shareToken(derived.token());
      if (saved.isPresent() && saved.get().sharer().equals(buyer) && saved.get().orderId().equals(orderId)
          && saved.get().campaign().equals(rules.friendCampaign())) {
        return new PostOrderResult(coupon, saved.get());
      }
    }
    ShareToken token = new ShareToken(tokens.next().value(), rules.friendCampaign(), buyer, orderId,
        now.plus(rules.ttl()), rules.maxClaims(), rules.perFriend());
    while (!ctx.store().saveShareToken(token)) {
      token = new ShareToken(tokens.next().value(), token.campaign(), buyer, orderId, token.expiresAt(),
          token.maxClaims(), token.perFriend());
    }
    return new PostOrderResult(coupon, token);
  }

  /**
   * The share token of the order whose buyer got {@code code}: 64 bits of SHA-256 over the code, which is itself 64
   * unguessable bits that only the buyer knows, so the token is as hard to guess as a random one and the same for
   * every call about the order.
   */
  private String derivedToken(CouponCode code, CampaignId friendCampaign, String orderId) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(("share-token\n" + code.value() + '\n'
          + friendCampaign.value() + '\n' + orderId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return tokens.withBits(java.nio.ByteBuffer.wrap(digest).getLong()).value();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform, but is missing", e);
    }
  }

  /**
   * A friend claims through a share token: not the sharer, within the token's window and limits; the claim is
   * attributed to the sharer and reported to the share listener. A repeat of the key returns the first result, also
   * after the token has expired.
   */
  public IssueResult claimShared(String token, CustomerId friend, String idempotencyKey) {
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.IDEMPOTENCY_KEY);
    Optional<ShareToken> found = ctx.store().shareToken(token);
    Instant now = ctx.time().now();
    if (found.isEmpty()) {
      return invalidShare();
    }
    ShareToken t = found.get();
    // counted per order, not per token: every token of one order shares its claims
    String order = t.campaign().value() + ':' + t.sharer().value() + ':' + t.orderId();
    List<Quota> quotas = List.of(
        new Quota("st:" + order, t.maxClaims(), IssueOutcome.Reason.QUOTA_EXHAUSTED),
        new Quota("sf:" + order + ':' + friend.value(), t.perFriend(), IssueOutcome.Reason.CUSTOMER_LIMIT));
    IssueResult r = with(t.campaign(), c -> {
      Issuer.Request req = new Issuer.Request(c, friend, "share", Actor.customer(friend), LedgerEvent.CLAIMED,
          idempotencyKey, quotas, "shared-by:" + t.sharer());
      // a repeat returns the first result, also once the token has expired
      Optional<IssueResult> first = issuer.repeated(req);
      if (first.isPresent()) {
        return first.get();
      }
      if (!now.isBefore(t.expiresAt())) {
        return invalidShare();
      }
      if (t.sharer().equals(friend)) {
        return new IssueResult.NotIssued(IssueRefusal.OWN_SHARE, "a sharer cannot claim through their own link");
      }
      return issuer.issue(req);
    });
    if (r instanceof IssueResult.Issued i && !i.repeated()) {
      shareListener.accept(new ShareAttribution(t.sharer(), friend, t.campaign(), t.orderId(), now));
    }
    return r;
  }

  private static IssueResult invalidShare() {
    return new IssueResult.NotIssued(IssueRefusal.SHARE_TOKEN_INVALID, "the share link is unknown or expired");
  }

  /** A birthday coupon, at most one per customer and year. */
  public IssueResult birthday(CampaignId campaign, CustomerId customer, int year) {
    return system(campaign, customer, "birthday", "birthday:" + campaign + ':' + customer + ':' + year);
  }

  /** A coupon for reaching {@code newTier}, at most one per customer and tier. */
  public IssueResult tierUpgrade(CampaignId campaign, CustomerId customer, String newTier) {
    return system(campaign, customer, "tier-upgrade", "tier:" + campaign + ':' + customer + ':' + newTier);
  }

  /**
   * The monthly issue (JD style): one coupon for each member of {@code level} whose spending last month reached
   * {@code minSpend}, keyed by (campaign, customer, {@code period}) so that rerunning a month issues nothing twice.
   */
  public BulkResult monthly(CampaignId campaign, YearMonth period, Stream<MemberSpend> members, String level,
      Money minSpend) {
    Campaign c = ctx.campaign(campaign).orElseThrow(() -> unknown(campaign));
    Tally tally = new Tally();
    members.filter(m -> m.level().equals(level) && m.lastMonthSpend().compareTo(minSpend) >= 0).forEach(m ->
        tally.add(issuer.issue(new Issuer.Request(c, m.customer(), "monthly:" + period, Actor.system("monthly"),
            LedgerEvent.ISSUED, "monthly:" + campaign + ':' + m.customer() + ':' + period, List.of(),
            period.toString()))));
    return tally.result(0);
  }

  /**
   * Gives a transferable coupon from its holder to another customer, once in the coupon's life. The coupon counts
   * against the receiver's {@link Campaign#perCustomerLimit()} in the same unit as the change of holder, so a
   * receiver who already holds that many coupons of the campaign is refused ({@link TransferRefusal#RECEIVER_LIMIT});
   * the giver's count stays, as for a coupon they used.
   */
  public TransferResult transfer(CouponCode code, CustomerId from, CustomerId to, String idempotencyKey) {
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.IDEMPOTENCY_KEY);
    while (true) {
      Optional<Coupon> found = ctx.store().coupon(code);
      if (found.isPresent() && found.get().transferred() && found.get().holder().equals(to)) {
        return new TransferResult.Transferred(found.get());
      }
      if (found.isEmpty() || !found.get().holder().equals(from)) {
        return new TransferResult.NotTransferred(TransferRefusal.NOT_HELD, "no coupon with this code held by " + from);
      }
      Coupon c = found.get();
      Campaign campaign = ctx.campaign(c.campaign()).orElseThrow(() -> unknown(c.campaign()));
      if (!campaign.template().transferable()) {
        return new TransferResult.NotTransferred(TransferRefusal.NOT_TRANSFERABLE, "coupon template '"
            + campaign.template().id() + "' is not transferable");
      }
      if (c.transferred()) {
        return new TransferResult.NotTransferred(TransferRefusal.ALREADY_TRANSFERRED,
            "a coupon can be transferred once, and this one already was");
      }
      if (from.equals(to)) {
        return new TransferResult.NotTransferred(TransferRefusal.RECEIVER_IS_HOLDER,
            "the receiver must be another customer, but is the holder " + from);
      }
      if (c.status() != CouponStatus.AVAILABLE) {
        return new TransferResult.NotTransferred(TransferRefusal.NOT_AVAILABLE,
            "only an available coupon can go to another customer, but it is " + c.status());
      }
      LedgerEntry entry = new LedgerEntry(c.campaign(), c.code().value(), LedgerEvent.TRANSFERRED, idempotencyKey,
          Actor.customer(from), ctx.time().now(), 0, "to:" + to);
      Coupon next = c.transferredTo(to);
      TransferOutcome out = ctx.store().transfer(c, next, Issuer.perCustomer(campaign, to), entry);
      if (out == TransferOutcome.TRANSFERRED) {
        return new TransferResult.Transferred(next);
      }
      // a receiver at the limit is final unless the coupon moved meanwhile (a concurrent repeat may have given it)
      if (out == TransferOutcome.RECEIVER_LIMIT
          && ctx.store().coupon(code).map(x -> x.version() == c.version()).orElse(true)) {
        return new TransferResult.NotTransferred(TransferRefusal.RECEIVER_LIMIT, "the receiver " + to
            + " already holds the most coupons of campaign " + campaign.id() + " one customer may hold ("
            + campaign.perCustomerLimit() + ")");
      }
    }
  }

  /**
   * Core's {@link RewardIssuer} paid in coupons: the request's {@code rewardKey} names the campaign, its
   * {@code rewardId} is the idempotency key, and the outcome's reference is the coupon code.
   */
  public RewardIssuer rewardIssuer() {
    return new CouponRewardIssuer(this);
  }

  private IssueResult system(CampaignId campaign, CustomerId customer, String trigger, String key) {
    return with(campaign, c -> issuer.issue(new Issuer.Request(c, customer, trigger, Actor.system(trigger),
        LedgerEvent.ISSUED, key, List.of(), trigger)));
  }

  private BulkResult run(Campaign c, List<CustomerId> members, String operator, String batch, long remaining) {
    Tally tally = new Tally();
    for (CustomerId m : members) {
      tally.add(issuer.issue(new Issuer.Request(c, m, "bulk:" + batch, Actor.operator(operator),
          LedgerEvent.ISSUED, "bulk:" + c.id() + ':' + batch + ':' + m, List.of(), batch)));
    }
    return tally.result(remaining);
  }

  private static List<CustomerId> members(Campaign c) {
    if (c.audience().isEmpty()) {
      throw new IllegalArgumentException("bulk issue needs an audience, but campaign " + c.id() + " has none");
    }
    return c.audience().get().members().sorted().toList();
  }

  private IssueResult with(CampaignId id, java.util.function.Function<Campaign, IssueResult> f) {
    Optional<Campaign> c = ctx.campaign(id);
    return c.isEmpty() ? new IssueResult.NotIssued(IssueRefusal.UNKNOWN_CAMPAIGN, "no campaign " + id)
        : f.apply(c.get());
  }

  private static IllegalArgumentException unknown(CampaignId id) {
    return new IllegalArgumentException("campaign must exist, but " + id + " is unknown");
  }

  private static final class Tally {
    long attempted;
    long issued;
    long repeated;
    final Map<IssueRefusal, Long> refused = new EnumMap<>(IssueRefusal.class);

    void add(IssueResult r) {
      attempted++;
      if (r instanceof IssueResult.Issued i) {
        if (i.repeated()) {
          repeated++;
        } else {
          issued++;
        }
      } else {
        refused.merge(((IssueResult.NotIssued) r).reason(), 1L, Long::sum);
      }
    }

    BulkResult result(long remaining) {
      return new BulkResult(attempted, issued, repeated, refused, remaining);
    }
  }
}
