package io.github.scrm.core.identity;

import io.github.scrm.core.MaxLengths;
import java.util.Objects;

/**
 * One channel identifier: a type, the scope it is unique in (empty for unscoped types) and its value. For personal
 * types the value is a keyed hash and {@link #masked()} is what may be shown; {@link #toString()} never prints a
 * personal value in clear.
 *
 * @param type the identifier type
 * @param scope the app id, open-platform account or corp id, at most {@link MaxLengths#IDENTIFIER_SCOPE} characters;
 *     empty exactly when the type is unscoped
 * @param value the identifier, 1 to {@link MaxLengths#IDENTIFIER_VALUE} non-blank characters, or for personal types
 *     its keyed hash in the form {@link PersonalData} produces (32 lowercase hex digits); a clear phone or email is
 *     refused
 * @param masked what may be shown to a person: for personal types a form {@link PersonalData} produces ({@code
 *     138****1234}, {@code z***@example.com}) or {@code ****}; equal to {@code value} for non-personal types
 *
 * <p>Two identifiers are equal when their type, scope and value are: the masked form is derived from the same clear
 * value as the keyed hash, so it adds nothing to identity. The hash code depends on the type's ordinal, not on the enum
 * constant's identity hash, so hash-based collections iterate the same way in every run.
 */
public record Identifier(IdentifierType type, String scope, String value, String masked) {

  /** Validates the parts. */
  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(masked, "masked");
    // lengths only in these messages: a value may be an unhashed personal value given under the wrong type
    if (type.scoped() && scope.isBlank()) {
      throw new IllegalArgumentException(
          "scope: an identifier of type " + type + " needs a scope (app id, open platform or corp), but had none");
    }
    if (!type.scoped() && !scope.isEmpty()) {
      throw new IllegalArgumentException("scope: an identifier of type " + type
          + " has no scope, but was given a scope of " + scope.length() + " characters");
    }
    if (scope.length() > MaxLengths.IDENTIFIER_SCOPE) {
      throw new IllegalArgumentException("scope: an identifier's scope must have at most " + MaxLengths.IDENTIFIER_SCOPE
          + " characters, but had " + scope.length());
    }
    if (value.isBlank() || value.length() > MaxLengths.IDENTIFIER_VALUE) {
      throw new IllegalArgumentException("value: an identifier of type " + type + " must have 1 to "
          + MaxLengths.IDENTIFIER_VALUE + " non-blank characters, but "
          + (value.isBlank() ? "was blank" : "had " + value.length()));
    }
    if (type.personal()) {
      // a clear phone or email here would bypass the blocklist (which compares hashes) and be shown and exported in
      // clear; the messages give lengths only, never the value
      if (!PersonalData.isKeyedHash(value)) {
        throw new IllegalArgumentException("value: an identifier of personal type " + type
            + " must hold the keyed hash PersonalData produces (32 lowercase hex digits), never the clear value, but had "
            + value.length() + " characters");
      }
      if (!PersonalData.isMasked(type, masked)) {
        throw new IllegalArgumentException("masked: an identifier of personal type " + type + " must be shown as "
            + PersonalData.maskedForms(type) + ", but had " + masked.length() + " characters");
      }
    }
  }

  /** A non-personal unscoped identifier. Personal types are created through {@code PersonalData}. */
  public static Identifier of(IdentifierType type, String value) {
    return scoped(type, "", value);
  }

  /** A non-personal identifier in {@code scope}. */
  public static Identifier scoped(IdentifierType type, String scope, String value) {
    if (type.personal()) {
      throw new IllegalArgumentException(
          type + " is personal data: create it with a keyed hash, not from the clear value");
    }
    return new Identifier(type, scope, value, value);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Identifier other && type == other.type && value.equals(other.value)
        && scope.equals(other.scope));
  }

  @Override
  public int hashCode() {
    // every component contributes to the low bits: hash tables over millions of identifiers stay flat
    int h = value.hashCode();
    h = 31 * h + scope.hashCode();
    h = 31 * h + type.ordinal();
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** A key unique across types and scopes, for indexes. */
  public String key() {
    return type.name() + '|' + scope + '|' + value;
  }

  @Override
  public String toString() {
    String shown = type.personal() ? masked : value;
    return scope.isEmpty() ? type + ":" + shown : type + "[" + scope + "]:" + shown;
  }
}
