package io.github.scrm.examples.jdbc;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the wiring sample of docs/erp-embedding.md verbatim (DocSamplesTest in examples/quickstart holds the doc to
 * it), and reads what it stored through a second store instance.
 */
final class EmbeddingGuideTest {

  @Test
  void guideSample_claimsACouponThatAStoreOpenedLaterReadsBack() {
    String jdbcUrl = "jdbc:h2:mem:guide;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

    // docs/erp-embedding.md#1:start
    JdbcDatabase db = JdbcDatabase.connect(jdbcUrl, 16); // or JdbcDatabase.using(yourDataSource)
    SchemaMigrations.migrate(db);
    Coupons coupons = Coupons.builder()
        .time(BusinessTime.of(clock))
        .idSource(IdSource.secure())
        .store(JdbcCouponStore.create(db))
        .build();
    // docs/erp-embedding.md#1:end

    try (db) {
      Campaign winter = campaign("winter-26", aThresholdCoupon(300_00, 50_00), 100);
      coupons.campaigns().create(winter);
      IssueResult.Issued issued = (IssueResult.Issued) coupons.issuance().claim(winter.id(), alice(), "claim-1");

      JdbcCouponStore afterRestart = JdbcCouponStore.create(db);
      assertThat(afterRestart.campaign(winter.id())).contains(winter);
      assertThat(afterRestart.wallet(alice())).containsExactly(issued.coupon());
      assertThat(afterRestart.counters(winter.id()).issued()).isEqualTo(1);
    }
  }

  @Test
  void guide_listsEveryMigrationScript() throws Exception {
    String guide = Files.readString(Path.of("../../docs/erp-embedding.md"), StandardCharsets.UTF_8);
    List<String> scripts;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      scripts = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(6);
    for (String script : scripts) {
      assertThat(guide).as("docs/erp-embedding.md lists %s", script).contains("- `" + script + "`: ");
    }
  }
}
