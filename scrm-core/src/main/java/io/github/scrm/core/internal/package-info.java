/**
 * The engine behind {@link io.github.scrm.core.Scrm}: validation, identity resolution with merges and unmerges,
 * ingestion and privacy requests. Not an API: nothing here is stable, import {@code io.github.scrm.core.Scrm} instead.
 */
@NullMarked
package io.github.scrm.core.internal;

import org.jspecify.annotations.NullMarked;
