package io.github.scrm.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SupportTest {

  private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");
  private static final ReferralCode POSTER = ReferralCode.parse("ABCDEFGHJKMNPQRS").orElseThrow();

  @Test
  void support_toString_showsNeitherTheSupportersIdentifiersNorTheirDeviceOrNetwork() {
    Support support = new Support(POSTER, Set.of(Identifier.scoped(IdentifierType.WECHAT_OPENID, "wxapp", "oU7x9k")),
        Optional.of("idfa-5C1E"), Optional.of("203.0.113.7"), AT);

    assertThat(support.toString()).isEqualTo(
        "Support[poster=" + POSTER + ", supporter=1 identifiers, device=****, network=****, at=" + AT + "]");
  }

  @Test
  void supportRecord_toString_showsNeitherThePersonNorItsKeysDeviceOrNetwork() {
    SupportRecord record = new SupportRecord("spring", POSTER, "prospect:WECHAT_OPENID|wxapp|oU7x9k",
        List.of("WECHAT_OPENID|wxapp|oU7x9k"), Optional.of("idfa-5C1E"), Optional.empty(), AT);

    assertThat(record.toString()).doesNotContain("oU7x9k").doesNotContain("idfa").contains("identifierKeys=1")
        .contains("device=****").doesNotContain("network");
  }
}
