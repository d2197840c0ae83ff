/** {@code scrm demo}: the end-to-end story of the quickstart example, on generated data. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli.demo;
