/** The injected clock and business time zone every "as of" evaluation uses. */
@NullMarked
package io.github.scrm.core.time;

import org.jspecify.annotations.NullMarked;
