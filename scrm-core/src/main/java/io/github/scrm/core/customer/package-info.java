/** Customer identity as the library sees it: the stable {@link io.github.scrm.core.customer.CustomerId}. */
@NullMarked
package io.github.scrm.core.customer;

import org.jspecify.annotations.NullMarked;
