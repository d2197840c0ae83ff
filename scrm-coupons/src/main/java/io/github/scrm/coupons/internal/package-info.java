/** Implementations; not an API, may change without notice. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.internal;
