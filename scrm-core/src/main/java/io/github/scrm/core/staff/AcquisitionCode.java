package io.github.scrm.core.staff;

import io.github.scrm.core.MaxLengths;

import java.util.random.RandomGenerator;

/**
 * The {@code state} parameter of a staff member's "contact me" QR code (WeCom "联系我"): the platform reports it back
 * when a customer adds the staff member through the code, which is how the library knows whose code it was. Generated
 * codes carry 130 random bits, so they cannot be guessed; WeCom limits the state to 30 characters.
 *
 * @param state 1 to {@link MaxLengths#ACQUISITION_CODE} (30) characters from {@code [A-Za-z0-9_-]}
 */
public record AcquisitionCode(String state) {

  private static final int GENERATED_LENGTH = 26;
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  /** Validates the state. */
  public AcquisitionCode {
    if (state == null || state.isEmpty() || state.length() > MaxLengths.ACQUISITION_CODE) {
      throw new IllegalArgumentException("acquisition code state must have 1 to " + MaxLengths.ACQUISITION_CODE
          + " characters, but had " + (state == null ? "null" : state.length()));
    }
    for (int i = 0; i < state.length(); i++) {
      char c = state.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        throw new IllegalArgumentException(
            "acquisition code state may only contain [A-Za-z0-9_-], but had '" + c + "' at index " + i);
      }
    }
  }

  /** The code whose state the platform reported. */
  public static AcquisitionCode of(String state) {
    return new AcquisitionCode(state);
  }

  /** A new unguessable code: 26 base-32 characters (130 bits) from {@code random}. */
  static AcquisitionCode generate(RandomGenerator random) {
    char[] chars = new char[GENERATED_LENGTH];
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new AcquisitionCode(new String(chars));
  }

  @Override
  public String toString() {
    return state;
  }
}
