package io.github.scrm.coupons.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.testing.Fixtures;
import org.junit.jupiter.api.Test;

final class LedgerEntryTest {

  @Test
  void toString_keyHoldingTheCode_printsItMasked() {
    String code = "VIP-7KQ2M9XH4RTZC3";
    // the key form of ledgers stored before keys were built from the code's fingerprint
    LedgerEntry stored = new LedgerEntry(CampaignId.of("c"), code, LedgerEvent.FROZEN, "FROZEN:" + code + ":0",
        Actor.operator("op"), Fixtures.NOW, 0, "check");
    assertThat(stored.toString()).doesNotContain(code).contains("key=FROZEN:VIP-7K****:0");
  }

  @Test
  void new_keyActorAndReferenceAtTheirLimits_areAccepted_andOneOver_areRefusedWithBothLengths() {
    CampaignId c = CampaignId.of("c");
    String key = "k".repeat(CouponMaxLengths.COMPOSED_KEY);
    String reference = "r".repeat(CouponMaxLengths.REFERENCE);
    Actor actor = Actor.operator("a".repeat(CouponMaxLengths.ACTOR_ID));
    assertThat(new LedgerEntry(c, "", LedgerEvent.FROZEN, key, actor, Fixtures.NOW, 0, reference).reference())
        .hasSize(300);

    assertThatThrownBy(() -> new LedgerEntry(c, "", LedgerEvent.FROZEN, key + "k", actor, Fixtures.NOW, 0, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idempotencyKey: must have 1 to 512 non-blank characters, but had 513");
    assertThatThrownBy(() -> new LedgerEntry(c, "", LedgerEvent.FROZEN, "k", actor, Fixtures.NOW, 0, reference + "r"))
        .hasMessage("reference: must have at most 300 characters, but had 301");
    assertThatThrownBy(() -> Actor.operator("a".repeat(257)))
        .hasMessage("actor id: must have 1 to 256 non-blank characters, but had 257");
  }
}
