/**
 * The SCRM stores over plain JDBC, the way an ERP vendor embeds the library over its own database: SQL scripts for the
 * schema, explicit transactions, and every counter change a conditional {@code UPDATE} whose row count is checked.
 * Runs on H2 (embedded) and PostgreSQL.
 */
@NullMarked
package io.github.scrm.examples.jdbc;

import org.jspecify.annotations.NullMarked;
