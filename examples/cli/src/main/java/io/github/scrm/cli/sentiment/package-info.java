/** The sentiment commands: {@code score}, {@code train} and {@code triage}. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli.sentiment;
