package io.github.scrm.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class PersonalDataTest {

  private final PersonalData personal = Fixtures.PERSONAL;

  @Test
  void phone_formatsOfOneNumber_hashTheSame() {
    Identifier plain = personal.phone("13812345678");
    for (String form : new String[] {"+86 138 1234 5678", "+86-138-1234-5678", "0086 13812345678", "8613812345678",
        "(138) 1234-5678", " 138.1234.5678 "}) {
      assertThat(personal.phone(form)).as(form).isEqualTo(plain);
    }
    assertThat(plain.masked()).isEqualTo("138****5678");
    assertThat(plain.value()).hasSize(32).doesNotContain("1234");
  }

  @Test
  void phone_hash_dependsOnTheKey() {
    PersonalData other = PersonalData.withKey("another-key-of-16-bytes".getBytes(StandardCharsets.UTF_8));
    assertThat(other.phone("13812345678").value()).isNotEqualTo(personal.phone("13812345678").value());
  }

  @Test
  void phone_invalid_isRefusedWithoutEchoingTheNumber() {
    assertThatThrownBy(() -> personal.phone("1381234567"))
        .hasMessage("a Chinese mobile phone must have 11 digits starting with 1 after removing +86, spaces and"
            + " dashes, but had 10 digits");
    assertThatThrownBy(() -> personal.phone("138x2345678")).hasMessageContaining("but had 'x'");
  }

  @Test
  void phone_international_keepsCountryCodeAndMasks() {
    Identifier uk = personal.phone("+44 7946 0958 12");
    assertThat(PersonalData.normalisePhone("+44 7946 0958 12")).isEqualTo("+447946095812");
    assertThat(uk.masked()).isEqualTo("447****5812");
  }

  @Test
  void email_isLowerCasedHashedAndMasked() {
    Identifier email = personal.email(" Zhang.San@Example.COM ");
    assertThat(email).isEqualTo(personal.email("zhang.san@example.com"));
    assertThat(email.masked()).isEqualTo("z***@example.com");
    assertThat(email.toString()).doesNotContain("zhang");
    assertThatThrownBy(() -> personal.email("not-an-email")).hasMessageContaining("name@domain.tld");
  }

  @Test
  void key_shorterThan16Bytes_isRefused() {
    assertThatThrownBy(() -> PersonalData.withKey(new byte[8]))
        .hasMessage("the hash key must have at least 16 bytes, but had 8");
  }

  @Test
  void maskName_showsOnlyTheFirstCharacter() {
    assertThat(PersonalData.maskName("张三")).isEqualTo("张*");
    assertThat(PersonalData.maskName("欧阳娜娜")).isEqualTo("欧***");
    assertThat(PersonalData.maskName("Alexandra")).isEqualTo("A***");
  }

  @Test
  void personalIdentifier_cannotBeMadeFromClearValue() {
    assertThatThrownBy(() -> Identifier.of(IdentifierType.PHONE, "13812345678"))
        .hasMessageContaining("PHONE is personal data");
  }
}
