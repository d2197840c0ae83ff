/** JMH benchmarks of scrm-core: ingestion throughput, lookup latency, heap per customer. */
@NullMarked
package io.github.scrm.benchmarks.core;

import org.jspecify.annotations.NullMarked;
