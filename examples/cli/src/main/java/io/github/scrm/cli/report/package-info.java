/**
 * {@code scrm report}: one self-contained HTML page (no scripts, fonts or images from elsewhere) with charts drawn as
 * inline SVG. {@link io.github.scrm.cli.report.Svg} draws the charts, every text escaped.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli.report;
