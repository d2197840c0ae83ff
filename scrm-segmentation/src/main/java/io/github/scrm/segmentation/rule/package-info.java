/**
 * The rule model: rule-set documents, the condition tree both condition forms parse to, and the readers for the
 * expression language and the JSON tree form. Nothing here evaluates anything; see
 * {@link io.github.scrm.segmentation.Segmentation} for validation, compilation and evaluation.
 */
@NullMarked
package io.github.scrm.segmentation.rule;

import org.jspecify.annotations.NullMarked;
