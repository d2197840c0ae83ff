/**
 * Profiles on the command line: the profile line format shared by {@code ingest}, {@code tag}, {@code explain},
 * {@code rules diff} and {@code report} ({@link io.github.scrm.cli.profile.ProfileFormat}), and the {@code ingest}
 * command that turns events into profiles with their metrics.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli.profile;
