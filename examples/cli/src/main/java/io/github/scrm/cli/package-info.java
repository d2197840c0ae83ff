/**
 * The {@code scrm} command line: {@link io.github.scrm.cli.ScrmCli} is the top-level picocli command; each feature
 * adds subcommands in its own package ({@code io.github.scrm.cli.sentiment} ...), reading and writing CSV or JSON
 * Lines through {@code io.github.scrm.cli.io}.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli;
