package io.github.scrm.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IdentifierTest {

  @Test
  void equality_isTypeScopeAndValue() {
    Identifier a = new Identifier(IdentifierType.PHONE, "", "hash-1", "138****1234");
    Identifier sameHashOtherMask = new Identifier(IdentifierType.PHONE, "", "hash-1", "138****0000");
    assertThat(a).isEqualTo(sameHashOtherMask).hasSameHashCodeAs(sameHashOtherMask);
    assertThat(a).isNotEqualTo(new Identifier(IdentifierType.EMAIL, "", "hash-1", "a***@b.cn"));
    assertThat(Identifier.scoped(IdentifierType.WECHAT_OPENID, "app-1", "o1"))
        .isNotEqualTo(Identifier.scoped(IdentifierType.WECHAT_OPENID, "app-2", "o1"));
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
