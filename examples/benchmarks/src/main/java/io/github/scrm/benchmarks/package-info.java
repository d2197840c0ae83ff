/**
 * The JMH benchmark suite of every module, run by {@link io.github.scrm.benchmarks.BenchmarkMain}. One sub-package per
 * module; each benchmark states the target it measures against.
 */
@NullMarked
package io.github.scrm.benchmarks;

import org.jspecify.annotations.NullMarked;
