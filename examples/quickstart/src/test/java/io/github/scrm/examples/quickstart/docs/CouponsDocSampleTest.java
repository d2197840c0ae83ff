package io.github.scrm.examples.quickstart.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CreateResult;
import io.github.scrm.coupons.code.SignedCodes;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.issuance.ShareAttribution;
import io.github.scrm.coupons.redemption.RedemptionPolicy;
import io.github.scrm.coupons.spi.CouponStores;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Validity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/coupons.md. */
final class CouponsDocSampleTest {

  /** The host's customer profiles, as far as the sample needs them. */
  private record Profiles(Set<CustomerId> ids) {
    boolean exists(CustomerId customer) {
      return ids.contains(customer);
    }
  }

  /** The host's referral tracking, as far as the sample needs it. */
  private static final class ShareLog {
    final List<ShareAttribution> recorded = new ArrayList<>();

    void record(ShareAttribution attribution) {
      recorded.add(attribution);
    }
  }

  @Test
  void entryPoint_buildsAnEngineWhoseCodesAreSignedForTerminals() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    Random rnd = new Random(7);
    Profiles profiles = new Profiles(Set.of(CustomerId.of("alice")));
    ShareLog referrals = new ShareLog();

    // docs/coupons.md#1:start
    Coupons coupons = Coupons.builder()
        .time(BusinessTime.of(clock))            // required: clock + business zone (Asia/Shanghai by default)
        .idSource(IdSource.secure())             // required: codes come from its random source
        .store(CouponStores.inMemory())          // default; a host passes its JDBC store
        .guardrails(Guardrails.defaults())       // default: on
        .policy(RedemptionPolicy.defaults())     // payable floor, coupons per order, TTL, refund policies
        .codePrefix("VIP")                       // optional
        .codes(SignedCodes.of(key, rnd, "POS"))  // optional instead: codes terminals verify offline
        .knownCustomers(profiles::exists)        // optional: orders of unknown customers are refused
        .shareListener(referrals::record)        // optional: claims through share tokens, attributed to the sharer
        .build();
    // docs/coupons.md#1:end

    Campaign spring = Campaign.builder().id(CampaignId.of("spring-26"))
        .template(CouponTemplate.builder().id("spring-300-50").name("满300减50")
            .benefit(Benefit.threshold(300_00, 50_00)).validity(new Validity.DaysAfterIssue(14)).build())
        .stock(10).perCustomerLimit(1).claimFrom(LocalDateTime.parse("2026-02-01T00:00"))
        .claimUntil(LocalDateTime.parse("2026-04-01T00:00")).createdBy("op-wang").build();
    assertThat(coupons.campaigns().create(spring)).isInstanceOf(CreateResult.Active.class);
    IssueResult claimed = coupons.issuance().claim(spring.id(), CustomerId.of("alice"), "claim-1");
    assertThat(claimed).isInstanceOfSatisfying(IssueResult.Issued.class,
        issued -> assertThat(issued.coupon().code().value()).startsWith("POS"));
    assertThat(referrals.recorded).isEmpty();
  }
}
