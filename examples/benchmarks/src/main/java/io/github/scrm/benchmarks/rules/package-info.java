/** The 20-rule tagging workload: the segmentation engine against hand-written Java, SpEL, Easy Rules and JsonLogic. */
@NullMarked
package io.github.scrm.benchmarks.rules;

import org.jspecify.annotations.NullMarked;
