/**
 * Store staff and the customers they own: acquisition codes ("contact me" QR codes), ownership history, transfers
 * with a WeCom-like policy, and bulk reassignment when a staff member leaves.
 *
 * <p>The entry point is {@link io.github.scrm.core.staff.StaffDirectory#builder()}; the rules of transfers are a
 * {@link io.github.scrm.core.staff.TransferPolicy}; storage is a {@link io.github.scrm.core.spi.StaffStore}, with
 * {@link io.github.scrm.core.staff.StaffStores#inMemory()} as the default.
 */
@NullMarked
package io.github.scrm.core.staff;

import org.jspecify.annotations.NullMarked;
