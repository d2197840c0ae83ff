/**
 * Rule-set commands over scrm-segmentation: {@code rules validate}, {@code rules test}, {@code rules diff},
 * {@code tag} and {@code explain}. Problems the library reports by JSON pointer are printed with the line of the file
 * they are on.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli.rules;
