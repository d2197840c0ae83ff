/** Money in integer minor units with a currency, and exact percentages in basis points. */
@NullMarked
package io.github.scrm.core.money;

import org.jspecify.annotations.NullMarked;
