/** The in-memory event log on its own: heap per customer and append and read cost, without the rest of ingestion. */
@NullMarked
package io.github.scrm.benchmarks.eventlog;

import org.jspecify.annotations.NullMarked;
