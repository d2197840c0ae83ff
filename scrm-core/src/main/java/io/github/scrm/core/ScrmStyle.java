package io.github.scrm.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The house {@link Value.Style} for every Immutables value type in SCRM: strict builders (an attribute set twice is an
 * error), the generated {@code ImmutableX} as visible as the abstract type, and {@code ****} for redacted attributes so
 * that personal data never reaches {@code toString()}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    strictBuilder = true,
    visibility = Value.Style.ImplementationVisibility.SAME,
    redactedMask = "****")
public @interface ScrmStyle {}
