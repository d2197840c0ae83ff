package io.github.scrm.coupons.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class CodeGeneratorTest {

  @Test
  void codes_carry64BitsInALookAlikeFreeAlphabet_withPrefixAndCheckCharacter() {
    CouponCode code = CodeGenerator.of(new SecureRandom(), "VIP").next();
    assertThat(code.value()).matches("VIP-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{14}");
    assertThat(CouponCode.wellFormed(code.value())).isTrue();
    assertThat(code.toString()).doesNotContain(code.value().substring(8));
  }

  @Test
  void checkCharacter_catchesEverySingleSubstitutionAndAdjacentTransposition() {
    String code = CodeGenerator.of(new SplittableRandom(1), "").next().value();
    for (int i = 0; i < code.length(); i++) {
      for (char c : CodeAlphabet.SYMBOLS.toCharArray()) {
        if (c != code.charAt(i)) {
          String typo = code.substring(0, i) + c + code.substring(i + 1);
          assertThat(CouponCode.wellFormed(typo)).as(typo).isFalse();
        }
      }
      if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)) {
        String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
        assertThat(CouponCode.wellFormed(swapped)).as(swapped).isFalse();
      }
    }
  }

  @Test
  void manyCodes_areDistinct() {
    CodeGenerator g = CodeGenerator.of(new SplittableRandom(5), "");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(g.next().value())).isTrue();
    }
  }

  @Test
  void signedCodes_verifyOffline_andRejectForgeriesAndTypos() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    SignedCodes codes = SignedCodes.of(key, new SecureRandom(), "POS");
    String code = codes.next().value();
    assertThat(codes.verify(code)).isPresent();
    String typo = code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);
    assertThat(codes.verify(typo)).isEmpty();
    byte[] other = key.clone();
    other[0] ^= 1;
    assertThat(SignedCodes.of(other, new SecureRandom(), "POS").verify(code)).isEmpty();
    StringBuilder forged = new StringBuilder(code.substring(0, code.length() - 1));
    forged.setCharAt(20, forged.charAt(20) == '2' ? '3' : '2');
    forged.append(CodeAlphabet.checkCharacter(forged));
    assertThat(codes.verify(forged.toString())).isEqualTo(Optional.empty());
    assertThat(codes.toString()).doesNotContain(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1));
  }
}
