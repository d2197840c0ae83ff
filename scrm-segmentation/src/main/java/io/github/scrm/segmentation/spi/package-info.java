/**
 * What a host plugs into segmentation: listeners for tag changes and batch progress, the contact-eligibility check
 * that audiences apply, and the lookup of profiles by customer. Each is a small interface; the module ships simple
 * defaults.
 */
@NullMarked
package io.github.scrm.segmentation.spi;

import org.jspecify.annotations.NullMarked;
