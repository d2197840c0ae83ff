package io.github.scrm.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class IdentityGuardrailsTest {

  @Test
  void defaults_blockKnownJunkValues() {
    IdentityGuardrails g = IdentityGuardrails.defaults();
    assertThat(g.isJunk("13800000000")).isTrue();
    assertThat(g.isJunk("NULL")).isTrue();
    assertThat(g.isJunk(" undefined ")).isTrue();
    assertThat(g.isJunk("00000000-0000-0000-0000-000000000000")).isTrue();
    assertThat(g.isJunk("000000")).isTrue();
    assertThat(g.isJunk("")).isTrue();
    assertThat(g.isJunk("M10001")).isFalse();
    assertThat(g.isJunk("1000")).isFalse();
  }

  @Test
  void isJunk_normalisesOnlyTheEnds_andTheCase() {
    IdentityGuardrails g = IdentityGuardrails.defaults();
    assertThat(g.isJunk(" \t Undefined\n")).isTrue();
    assertThat(g.isJunk(" - 0 ")).isFalse(); // inner spaces stay: not only zeros and dashes
    assertThat(g.isJunk("\t0-0\t")).isTrue();
    assertThat(g.isJunk("UNDEFINED-VALUE-LONGER-THAN-ANY-ENTRY")).isFalse();
    assertThat(g.isJunk(" \n ")).isTrue();
  }

  @Test
  void isJunk_valuesWithInnerOrWideWhitespace_areAnsweredNotLooped() {
    IdentityGuardrails g = IdentityGuardrails.defaults();
    // these once sent the normalisation into unbounded recursion: trimming leaves inner and non-ASCII spaces
    assertThat(g.isJunk("M 10001")).isFalse();
    assertThat(g.isJunk("\u3000M10001\u3000")).isFalse();
    assertThat(g.isJunk("ＮＵＬＬ value")).isFalse();
    assertThat(IdentityGuardrails.builder().block("n u l l").build().isJunk(" N U L L ")).isTrue();
  }

  @Test
  void isJunk_comparesWhateverTheFirstLetterOrLength() {
    IdentityGuardrails g = IdentityGuardrails.builder().block("Demo-Member", "", "zz", "@x", "~").build();
    assertThat(g.isJunk("DEMO-member")).isTrue();
    assertThat(g.isJunk("ZZ")).isTrue();
    assertThat(g.isJunk("@X")).isTrue();
    assertThat(g.isJunk("~")).isTrue();
    assertThat(g.isJunk("Demo-Membe")).isFalse();
    assertThat(g.isJunk("M10001")).isFalse();
    assertThat(g.isJunk("")).isTrue();
  }

  @Test
  void defaults_limitPhonesAndUnionids() {
    IdentityGuardrails g = IdentityGuardrails.defaults();
    assertThat(g.maxPerCustomer(IdentifierType.PHONE)).isEqualTo(1);
    assertThat(g.maxPerCustomer(IdentifierType.WECHAT_UNIONID)).isEqualTo(1);
    assertThat(g.maxPerCustomer(IdentifierType.WECHAT_OPENID)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void builder_configuresLimitsAndBlocklist() {
    IdentityGuardrails g = IdentityGuardrails.defaults().toBuilder()
        .maxPerCustomer(IdentifierType.PHONE, 2).unlimited(IdentifierType.MEMBER_NUMBER).block("TEST").build();
    assertThat(g.maxPerCustomer(IdentifierType.PHONE)).isEqualTo(2);
    assertThat(g.maxPerCustomer(IdentifierType.MEMBER_NUMBER)).isEqualTo(Integer.MAX_VALUE);
    assertThat(g.isJunk("test")).isTrue();
  }

  @Test
  void builder_limitBelowOne_isRefused() {
    assertThatThrownBy(() -> IdentityGuardrails.builder().maxPerCustomer(IdentifierType.PHONE, 0))
        .hasMessage("maxPerCustomer for PHONE must be at least 1, but was 0");
  }
}
