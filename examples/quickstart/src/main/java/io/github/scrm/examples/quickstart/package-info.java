/** The end-to-end story of SCRM on generated data, and the README's quick start. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.examples.quickstart;
