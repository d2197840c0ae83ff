/**
 * Store staff and the customers they own: acquisition codes ("contact me" QR codes), ownership history, transfers
 * with a WeCom-like policy, and bulk reassignment when a staff member leaves.
 */
@NullMarked
package io.github.scrm.core.staff;

import org.jspecify.annotations.NullMarked;
