package io.github.scrm.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SchemaMigrationsTest {

  @Test
  void migrate_again_appliesNothing() {
    try (Databases databases = new Databases(TestDatabases::h2)) {
      JdbcDatabase migrated = databases.open();

      List<Integer> appliedAgain = SchemaMigrations.migrate(migrated);

      List<Integer> recorded = migrated.inTransaction(c -> Sql.query(c,
          "SELECT version FROM scrm_schema_version ORDER BY version", rs -> rs.getInt(1)));
      assertThat(appliedAgain).isEmpty();
      assertThat(recorded).containsExactly(1, 2, 3, 4, 5, 6);
    }
  }

  @Test
  void statements_splitsOnSemicolonsAtLineEndsAndDropsComments() {
    String script = "-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX a_x ON a (x);\n";

    assertThat(SchemaMigrations.statements(script))
        .containsExactly("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX a_x ON a (x)");
  }
}
