/**
 * The attribute catalogue: every profile field and metric that rules may read, with a stable dotted name, a type, a
 * unit and a description. This is the contract the segmentation engine compiles against; hosts add their own typed
 * attributes with {@link io.github.scrm.core.attribute.AttributeKey#custom}.
 */
@NullMarked
package io.github.scrm.core.attribute;

import org.jspecify.annotations.NullMarked;
