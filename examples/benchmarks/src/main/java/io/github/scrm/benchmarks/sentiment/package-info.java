/** JMH benchmarks of the sentiment module: scoring, trained scoring, training and triage intake. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.benchmarks.sentiment;
