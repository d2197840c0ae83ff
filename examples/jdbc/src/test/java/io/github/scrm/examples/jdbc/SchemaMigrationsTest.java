package io.github.scrm.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.ImmutableReward;
import io.github.scrm.core.referral.Reward;
import io.github.scrm.core.referral.RewardState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
      assertThat(recorded).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }
  }

  @Test
  void migrate_twoNodesAtOnceOnAFreshDatabase_bothSucceedAndEachScriptIsAppliedOnce() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String url = "jdbc:h2:mem:migrate-race-" + round + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (JdbcDatabase first = JdbcDatabase.connect(url, 4); JdbcDatabase second = JdbcDatabase.connect(url, 4)) {
          first.inTransaction(c -> Sql.query(c, "SELECT 1", rs -> rs.getInt(1))); // keeps the database alive
          CyclicBarrier start = new CyclicBarrier(2);
          Future<List<Integer>> a = nodes.submit(() -> {
            start.await();
            return SchemaMigrations.migrate(first);
          });
          Future<List<Integer>> b = nodes.submit(() -> {
            start.await();
            return SchemaMigrations.migrate(second);
          });

          List<Integer> applied = new ArrayList<>(a.get(60, TimeUnit.SECONDS));
          applied.addAll(b.get(60, TimeUnit.SECONDS));

          List<Integer> recorded = first.inTransaction(c -> Sql.query(c,
              "SELECT version FROM scrm_schema_version ORDER BY version", rs -> rs.getInt(1)));
          assertThat(applied).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
          assertThat(recorded).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        }
      }
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void migrate_afterAScriptFailedHalfwayOnH2_goesOnFromTheStatementThatFailed() {
    String url = "jdbc:h2:mem:migrate-halfway;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (JdbcDatabase db = JdbcDatabase.connect(url, 4)) {
      // a table in the way of V2's second statement: its first one (coupon_campaign) runs and commits, then it fails
      db.inTransaction(c -> Sql.update(c, "CREATE TABLE coupon (in_the_way INT)"));

      assertThatThrownBy(() -> SchemaMigrations.migrate(db))
          .isInstanceOf(ScrmException.class)
          .hasMessageContaining("schema script V2__coupons.sql failed at statement 2 of")
          .hasMessageContaining("the 1 before it are applied");
      assertThat(versions(db)).containsExactly(1);

      db.inTransaction(c -> Sql.update(c, "DROP TABLE coupon"));
      List<Integer> applied = SchemaMigrations.migrate(db);

      assertThat(applied).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
      assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
      List<Integer> unfinished =
          db.inTransaction(c -> Sql.query(c, "SELECT version FROM scrm_schema_progress", rs -> rs.getInt(1)));
      assertThat(unfinished).as("no script is left half applied").isEmpty();
      List<String> couponColumns = db.inTransaction(c -> Sql.query(c,
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'coupon'", rs -> rs.getString(1)));
      assertThat(couponColumns).as("V2 created its own coupon table").contains("code").doesNotContain("in_the_way");
    }
  }

  @Test
  void migrate_aScriptChangedAfterAFailedRunAppliedPartOfIt_isRefused() {
    String url = "jdbc:h2:mem:migrate-halfway-changed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (JdbcDatabase db = JdbcDatabase.connect(url, 4)) {
      db.inTransaction(c -> Sql.update(c, "CREATE TABLE coupon (in_the_way INT)"));
      assertThatThrownBy(() -> SchemaMigrations.migrate(db)).isInstanceOf(ScrmException.class);
      db.inTransaction(c -> Sql.update(c, "UPDATE scrm_schema_progress SET checksum = 'other' WHERE version = 2"));
      db.inTransaction(c -> Sql.update(c, "DROP TABLE coupon"));

      assertThatThrownBy(() -> SchemaMigrations.migrate(db))
          .isInstanceOf(ScrmException.class)
          .hasMessageContaining("schema script V2__coupons.sql has changed since a failed run applied part of it");
    }
  }

  private static List<Integer> versions(JdbcDatabase db) {
    return db.inTransaction(c -> Sql.query(c, "SELECT version FROM scrm_schema_version ORDER BY version",
        rs -> rs.getInt(1)));
  }

  @Test
  void migrate_aScriptChangedAfterItWasApplied_isReportedByName() {
    try (Databases databases = new Databases(TestDatabases::h2)) {
      JdbcDatabase migrated = databases.open();
      migrated.inTransaction(c -> Sql.update(c,
          "UPDATE scrm_schema_version SET checksum = 'an-older-text' WHERE version = 2"));

      assertThatThrownBy(() -> SchemaMigrations.migrate(migrated))
          .isInstanceOf(ScrmException.class)
          .hasMessageContaining("schema script V2__coupons.sql has changed since it was applied")
          .hasMessageContaining("add a new script");
    }
  }

  @Test
  void migrate_aDatabaseMigratedBeforeChecksums_recordsThemAndAppliesNothing() {
    try (Databases databases = new Databases(TestDatabases::h2)) {
      JdbcDatabase migrated = databases.open();
      migrated.inTransaction(c -> Sql.update(c, "ALTER TABLE scrm_schema_version DROP COLUMN checksum"));

      List<Integer> appliedAgain = SchemaMigrations.migrate(migrated);

      List<String> checksums = migrated.inTransaction(c -> Sql.query(c,
          "SELECT checksum FROM scrm_schema_version ORDER BY version", rs -> rs.getString(1)));
      assertThat(appliedAgain).isEmpty();
      assertThat(checksums).hasSize(SchemaMigrations.SCRIPTS.size()).allSatisfy(checksum -> assertThat(checksum).hasSize(64));
    }
  }

  @Test
  void migrate_aDatabaseWithEventsFromBeforeV9_keepsThemAndTakesIdsOf256Characters() {
    try (Databases databases = new Databases(TestDatabases::h2)) {
      JdbcDatabase database = databases.open();
      // the schema as V8 left it, with an event and a merge that moved it (V11, which widens other columns, runs again
      // over the same rows)
      database.inTransaction(c -> {
        Sql.update(c, "DELETE FROM scrm_schema_version WHERE version IN (9, 11)");
        Sql.update(c, "ALTER TABLE event_log ALTER COLUMN event_id SET DATA TYPE VARCHAR(200)");
        Sql.update(c, "ALTER TABLE merge_moved_event ALTER COLUMN event_id SET DATA TYPE VARCHAR(200)");
        Sql.update(c, "INSERT INTO event_log (event_id, owner_id, payload) VALUES ('e1', 'c-a', '{}')");
        Sql.update(c, "INSERT INTO merge_record (merge_id, survivor_id, absorbed_id, body) VALUES ('m1', 'c-a', "
            + "'c-b', '{}')");
        return Sql.update(c, "INSERT INTO merge_moved_event (merge_id, position, event_id) VALUES ('m1', 0, 'e1')");
      });

      assertThat(SchemaMigrations.migrate(database)).containsExactly(9, 11);

      String longId = "e".repeat(256);
      database.inTransaction(c -> {
        Sql.update(c, "INSERT INTO event_log (event_id, owner_id, payload) VALUES (?, 'c-a', '{}')", longId);
        return Sql.update(c, "INSERT INTO merge_moved_event (merge_id, position, event_id) VALUES ('m1', 1, ?)",
            longId);
      });
      List<String> events = database.inTransaction(c -> Sql.query(c, "SELECT event_id FROM event_log ORDER BY seq",
          rs -> rs.getString(1)));
      List<String> moved = database.inTransaction(c -> Sql.query(c, "SELECT event_id FROM merge_moved_event "
          + "ORDER BY position", rs -> rs.getString(1)));
      assertThat(events).containsExactly("e1", longId);
      assertThat(moved).containsExactly("e1", longId);
    }
  }

  @Test
  void migrate_rewardsFromBeforeV10_getTheirLevelBackFromTheTrigger() {
    try (Databases databases = new Databases(TestDatabases::h2)) {
      JdbcDatabase database = databases.open();
      JdbcReferralStore store = JdbcReferralStore.create(database);
      // as the engine stored them before V10: an upper level's trigger ended in ":L<level>"
      store.insert(legacy("spring|cid|order:X", "order:X", "X"));
      store.insert(legacy("spring|cid|order:X:L2", "order:X:L2", "X"));
      store.insert(legacy("spring|dan|order:Y:L3", "order:Y:L3", "Y:L3"));
      store.insert(legacy("spring|eve|first-purchase:L2", "first-purchase:L2", "o-9"));
      store.insert(legacy("spring|fay|registration:L3", "registration:L3", null));
      store.insert(legacy("help|alice|ladder:3", "ladder:3", null));
      database.inTransaction(c -> {
        Sql.update(c, "DELETE FROM scrm_schema_version WHERE version = 10");
        return Sql.update(c, "ALTER TABLE referral_reward DROP COLUMN reward_level");
      });

      assertThat(SchemaMigrations.migrate(database)).containsExactly(10);

      assertThat(List.of("spring|cid|order:X", "spring|cid|order:X:L2", "spring|dan|order:Y:L3",
          "spring|eve|first-purchase:L2", "spring|fay|registration:L3", "help|alice|ladder:3"))
          .map(id -> store.find(id).orElseThrow())
          .extracting(Reward::trigger, Reward::level).containsExactly(
              tuple("order:X", 1), tuple("order:X", 2), tuple("order:Y:L3", 1), tuple("first-purchase", 2),
              tuple("registration", 3), tuple("ladder:3", 1));
    }
  }

  private static Reward legacy(String id, String trigger, String orderId) {
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    return ImmutableReward.builder().rewardId(id).programme(id.substring(0, id.indexOf('|')))
        .beneficiary(CustomerId.of("alice")).trigger(trigger).orderId(Optional.ofNullable(orderId))
        .rewardKey("coupon").value(Money.fen(20_00)).state(RewardState.PENDING).qualifiedAt(at).payableAt(at).build();
  }

  @Test
  void statements_splitsOnSemicolonsAtLineEndsAndDropsComments() {
    String script = "-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX a_x ON a (x);\n";

    assertThat(SchemaMigrations.statements(script))
        .containsExactly("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX a_x ON a (x)");
  }
}
