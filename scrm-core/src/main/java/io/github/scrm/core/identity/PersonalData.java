package io.github.scrm.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns clear personal identifiers (phone numbers, email addresses) into {@link Identifier}s that hold only a keyed
 * hash (HMAC-SHA256 with the host's secret key, truncated to 128 bits, hex) and a masked form for display
 * ({@code 138****1234}, {@code z***@example.com}). The clear value is never stored. Thread-safe.
 *
 * <p>Phones are normalised first: spaces, dashes, dots and brackets are removed and a {@code +86}, {@code 0086} or
 * {@code 86} prefix of a Chinese mobile number is dropped, so {@code +86 138-1234-5678} and {@code 13812345678} hash
 * the same. Emails are trimmed and lower-cased.
 */
public final class PersonalData {

  private static final int MIN_KEY_BYTES = 16;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final HexFormat HEX = HexFormat.of();
  /** 128 bits of the HMAC, as hex. */
  private static final int HASH_HEX_DIGITS = 32;
  private static final String FULLY_MASKED = "****";
  private static final Pattern MASKED_PHONE = Pattern.compile("[0-9]{3}\\*{4}[0-9]{4}|\\*{4}[0-9]{2}");
  private static final Pattern MASKED_EMAIL = Pattern.compile("[^@\\s]\\*{3}@[^@\\s]+\\.[^@\\s]+");

  private final ThreadLocal<Mac> mac;

  private PersonalData(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(spec);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
      }
    });
  }

  /** Hashes with {@code key}, the host's secret of at least 16 bytes; keep it outside the database. */
  public static PersonalData withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the hash key must have at least " + MIN_KEY_BYTES + " bytes, but had " + key.length);
    }
    return new PersonalData(key);
  }

  /** The identifier of a clear phone number; see the class comment for normalisation. */
  public Identifier phone(String clear) {
    String normalised = normalisePhone(clear);
    return new Identifier(IdentifierType.PHONE, "", hash(IdentifierType.PHONE, normalised), maskPhone(normalised));
  }

  /** The identifier of a clear email address. */
  public Identifier email(String clear) {
    String normalised = normaliseEmail(clear);
    return new Identifier(IdentifierType.EMAIL, "", hash(IdentifierType.EMAIL, normalised), maskEmail(normalised));
  }

  /**
   * The identifier of a clear value of any personal type (for {@link IdentifierType#PAYMENT_ACCOUNT} and
   * {@link IdentifierType#ADDRESS_HASH} the value is hashed as given and masked entirely).
   */
  public Identifier personal(IdentifierType type, String clear) {
    switch (type) {
      case PHONE:
        return phone(clear);
      case EMAIL:
        return email(clear);
      default:
        if (!type.personal()) {
          throw new IllegalArgumentException(type + " is not personal data: use Identifier.of or Identifier.scoped");
        }
        String value = clear.trim();
        if (value.isEmpty()) {
          throw new IllegalArgumentException(type + " must not be blank");
        }
        return new Identifier(type, "", hash(type, value), FULLY_MASKED);
    }
  }

  /** Whether {@code value} has the form of {@link #hash}: 32 lowercase hex digits. */
  static boolean isKeyedHash(String value) {
    if (value.length() != HASH_HEX_DIGITS) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code masked} has a form this class shows for {@code type}: {@code ****} for every personal type, and
   * for phones and emails the forms of {@link #maskPhone} and {@link #maskEmail}.
   */
  static boolean isMasked(IdentifierType type, String masked) {
    if (masked.equals(FULLY_MASKED)) {
      return true;
    }
    return switch (type) {
      case PHONE -> MASKED_PHONE.matcher(masked).matches();
      case EMAIL -> MASKED_EMAIL.matcher(masked).matches();
      default -> false;
    };
  }

  /** The masked forms {@link #isMasked} accepts for {@code type}, for messages. */
  static String maskedForms(IdentifierType type) {
    return switch (type) {
      case PHONE -> "138****5678, ****78 or ****";
      case EMAIL -> "z***@example.com or ****";
      default -> "****";
    };
  }

  /** The keyed hash of an already normalised value of {@code type}. */
  public String hash(IdentifierType type, String normalised) {
    byte[] digest = mac.get().doFinal((type.name() + ':' + normalised).getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(digest, 0, 16);
  }

  /**
   * The normal form of a phone number: {@code +86} followed by 11 digits for a Chinese mobile, else {@code +} and the
   * international digits. The message of a refused number never contains the number.
   */
  public static String normalisePhone(String clear) {
    Objects.requireNonNull(clear, "phone");
    StringBuilder digits = new StringBuilder(16);
    boolean plus = false;
    for (int i = 0; i < clear.length(); i++) {
      char c = clear.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0 && !plus) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '\u00a0') {
        throw new IllegalArgumentException(
            "phone may contain only digits, a leading +, spaces, dashes, dots and brackets, but had '" + c + "'");
      }
    }
    String d = digits.toString();
    if (d.startsWith("0086")) {
      d = d.substring(4);
      plus = true;
    } else if (d.startsWith("86") && d.length() == 13) {
      d = d.substring(2);
      plus = true;
    } else if (plus && d.startsWith("86")) {
      d = d.substring(2);
    } else if (plus) {
      if (d.length() < 7 || d.length() > 15) {
        throw new IllegalArgumentException(
            "an international phone must have 7 to 15 digits after +, but had " + d.length());
      }
      return "+" + d;
    }
    if (d.length() != 11 || d.charAt(0) != '1') {
      throw new IllegalArgumentException("a Chinese mobile phone must have 11 digits starting with 1 after removing"
          + " +86, spaces and dashes, but had " + d.length() + " digits");
    }
    return "+86" + d;
  }

  /**
   * The masked form of a normalised phone: the first three and last four digits of a number with at least 11 digits
   * ({@code 138****1234}), else only the last two.
   */
  public static String maskPhone(String normalised) {
    String d = normalised.startsWith("+86") ? normalised.substring(3) : normalised.replace("+", "");
    if (d.length() >= 11) {
      return d.substring(0, 3) + "****" + d.substring(d.length() - 4);
    }
    return "****" + d.substring(Math.max(0, d.length() - 2));
  }

  /** The normal form of an email address: trimmed and lower-cased. */
  public static String normaliseEmail(String clear) {
    String e = clear.trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(e).matches()) {
      throw new IllegalArgumentException("email must look like name@domain.tld, but had " + e.length() + " characters"
          + (e.contains("@") ? "" : " and no @"));
    }
    return e;
  }

  /** The masked form of a normalised email: its first character, {@code ***} and the domain. */
  public static String maskEmail(String normalised) {
    int at = normalised.indexOf('@');
    return normalised.charAt(0) + "***" + normalised.substring(at);
  }

  /** A name masked for display: its first character then one {@code *} per further character, at most three. */
  public static String maskName(String name) {
    if (name.isEmpty()) {
      return "";
    }
    int first = name.offsetByCodePoints(0, 1);
    int rest = name.codePointCount(first, name.length());
    return name.substring(0, first) + "*".repeat(Math.min(3, Math.max(1, rest)));
  }

  @Override
  public String toString() {
    return "PersonalData[HmacSHA256, key=****]";
  }
}
