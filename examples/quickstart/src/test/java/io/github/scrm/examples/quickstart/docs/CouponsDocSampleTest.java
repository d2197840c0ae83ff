package io.github.scrm.examples.quickstart.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.code.SignedCodes;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.issuance.ShareAttribution;
import io.github.scrm.coupons.redemption.RedemptionPolicy;
import io.github.scrm.coupons.spi.CouponStores;
import java.time.Clock;
import java.time.Instant;
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
  void entryPoint_buildsAnEngineWithEveryOption() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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

    assertThat(coupons.campaigns()).isNotNull();
    assertThat(coupons.issuance()).isNotNull();
    assertThat(coupons.redemption()).isNotNull();
  }
}
