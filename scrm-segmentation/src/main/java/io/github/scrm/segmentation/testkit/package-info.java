/**
 * The test kit for custom rule sets: fixtures (profiles as JSON) and expectations (tags present or absent as of an
 * instant, in a plain text file), run from JUnit or the CLI through {@link
 * io.github.scrm.segmentation.testkit.RuleSetTestKit}. A failing expectation prints the explain tree of its tag.
 */
@NullMarked
package io.github.scrm.segmentation.testkit;

import org.jspecify.annotations.NullMarked;
