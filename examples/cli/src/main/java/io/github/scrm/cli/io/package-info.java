/**
 * Shared input and output for every command: CSV with a header or JSON Lines chosen by file extension, {@code -} for
 * stdin/stdout, per-row problems reported as {@code file:line: field 'name': message}, and a progress line on stderr
 * when it is a terminal.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli.io;
