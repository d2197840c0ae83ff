package io.github.scrm.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.MaxLengths;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IdentifierTest {

  @Test
  void equality_isTypeScopeAndValue() {
    String hash = "0123456789abcdef0123456789abcdef";
    Identifier a = new Identifier(IdentifierType.PHONE, "", hash, "138****1234");
    Identifier sameHashOtherMask = new Identifier(IdentifierType.PHONE, "", hash, "138****0000");
    assertThat(a).isEqualTo(sameHashOtherMask).hasSameHashCodeAs(sameHashOtherMask);
    assertThat(a).isNotEqualTo(new Identifier(IdentifierType.EMAIL, "", hash, "a***@b.cn"));
    assertThat(Identifier.scoped(IdentifierType.WECHAT_OPENID, "app-1", "o1"))
        .isNotEqualTo(Identifier.scoped(IdentifierType.WECHAT_OPENID, "app-2", "o1"));
  }

  @Test
  void new_personalTypeWithAClearValue_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> new Identifier(IdentifierType.PHONE, "", "13812345678", "138****5678"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value: an identifier of personal type PHONE must hold the keyed hash PersonalData produces")
        .hasMessageContaining("but had 11 characters")
        .hasMessageNotContaining("13812345678");
    assertThatThrownBy(() -> new Identifier(IdentifierType.EMAIL, "", "li.lei@example.com", "l***@example.com"))
        .hasMessageStartingWith("value: an identifier of personal type EMAIL must hold the keyed hash")
        .hasMessageNotContaining("li.lei");
  }

  @Test
  void new_scopeAndValueAtTheirLimits_areAccepted() {
    Identifier id = Identifier.scoped(IdentifierType.WECHAT_OPENID, "a".repeat(MaxLengths.IDENTIFIER_SCOPE),
        "o".repeat(MaxLengths.IDENTIFIER_VALUE));

    assertThat(id.scope()).hasSize(128);
    assertThat(id.value()).hasSize(256);
  }

  @Test
  void new_scopeOneOverItsLimit_isRefusedWithBothLengths() {
    assertThatThrownBy(() -> Identifier.scoped(IdentifierType.WECHAT_OPENID, "a".repeat(129), "o1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scope: an identifier's scope must have at most 128 characters, but had 129");
  }

  @Test
  void new_valueOneOverItsLimit_isRefusedWithBothLengthsAndWithoutTheValue() {
    String clearEmails = "li.lei@example.com,".repeat(13) + "0123456789"; // 257 characters of personal data
    assertThat(clearEmails).hasSize(MaxLengths.IDENTIFIER_VALUE + 1);

    for (IdentifierType type : new IdentifierType[] {IdentifierType.DEVICE_ID, IdentifierType.EMAIL}) {
      assertThatThrownBy(() -> new Identifier(type, "", clearEmails, "****"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("value: an identifier of type " + type + " must have 1 to 256 non-blank characters, but had 257")
          .hasMessageNotContaining("li.lei");
    }
  }

  @Test
  void new_scopeOnAnUnscopedType_isRefusedWithItsLengthOnly() {
    assertThatThrownBy(() -> Identifier.scoped(IdentifierType.MEMBER_NUMBER, "13812345678", "M1"))
        .hasMessage("scope: an identifier of type MEMBER_NUMBER has no scope, but was given a scope of 11 characters");
  }

  @Test
  void new_personalTypeWithAClearMaskedForm_isRefusedWithoutEchoingIt() {
    String hash = Fixtures.phone("13812345678").value();
    assertThatThrownBy(() -> new Identifier(IdentifierType.PHONE, "", hash, "13812345678"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("masked: an identifier of personal type PHONE must be shown as 138****5678, ****78 or ****")
        .hasMessageNotContaining("13812345678");
    assertThatThrownBy(() -> new Identifier(IdentifierType.EMAIL, "", hash, "li.lei@example.com"))
        .hasMessageStartingWith("masked: an identifier of personal type EMAIL must be shown as");
    assertThatThrownBy(() -> new Identifier(IdentifierType.PAYMENT_ACCOUNT, "", hash, "6222 0000 1234"))
        .hasMessageStartingWith("masked: an identifier of personal type PAYMENT_ACCOUNT must be shown as ****");
  }

  @Test
  void new_whatPersonalDataProduces_isAccepted() {
    PersonalData personal = Fixtures.PERSONAL;
    for (Identifier id : new Identifier[] {personal.phone("13812345678"), personal.phone("+44 20 7946 0958"),
        personal.phone("+1 415 555 01"), personal.email("Li.Lei@Example.com"),
        personal.personal(IdentifierType.PAYMENT_ACCOUNT, "6222 0000 1234"),
        personal.personal(IdentifierType.ADDRESS_HASH, "host-hash-1")}) {
      assertThat(new Identifier(id.type(), id.scope(), id.value(), id.masked())).isEqualTo(id);
      assertThat(new Identifier(id.type(), id.scope(), id.value(), "****")).as("fully masked").isEqualTo(id);
    }
  }

  @Test
  void hashCode_isTheSameInEveryRun() {
    // fixed by the type's ordinal and the strings' hashes, never by an enum constant's identity hash
    Identifier id = Identifier.of(IdentifierType.MEMBER_NUMBER, "M10000001");
    int h = "M10000001".hashCode();
    h = 31 * h + "".hashCode();
    h = 31 * h + IdentifierType.MEMBER_NUMBER.ordinal();
    h *= 0x9E3779B9;
    assertThat(id.hashCode()).isEqualTo(h ^ (h >>> 16));
  }

  @Test
  void hashCode_spreadsSequentialMemberNumbersOverTheLowBits() {
    // hash tables index by the low bits: a million sequential numbers must not pile into few buckets
    int buckets = 1 << 16;
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < buckets; i++) {
      int h = Identifier.of(IdentifierType.MEMBER_NUMBER, "M" + (10_000_000 + i * 7)).hashCode();
      used.add((h ^ (h >>> 16)) & (buckets - 1));
    }
    // a uniform hash fills about 1 - 1/e of the buckets
    assertThat(used.size()).isGreaterThan(buckets / 2);
  }
}
