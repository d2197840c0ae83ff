package io.github.scrm.coupons.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
}
