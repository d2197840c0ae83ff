package io.github.scrm.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Row;
import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.money.Money;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class ProfileFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringWriter err = new StringWriter();
  private final Problems problems = new Problems(new PrintWriter(err));

  private ProfileFormat.Profile read(String json) throws Exception {
    return ProfileFormat.read(new Row("p.jsonl", 7, (ObjectNode) JSON.readTree(json)),
        AttributeCatalogue.standard(), problems);
  }

  @Test
  void read_attributesInEveryAcceptedForm() throws Exception {
    ProfileFormat.Profile p = read("{\"customerId\":\"c-1\",\"attributes\":{\"orders.count\":3,"
        + "\"spend.total\":\"5200.00 CNY\",\"spend.total.30d\":\"¥12.5\",\"spend.total.90d\":{\"minorUnits\":100,"
        + "\"currency\":\"CNY\"},\"purchase.last\":\"2026-05-20T10:00:00Z\",\"profile.tags\":[\"vip\"],"
        + "\"purchase.brands\":\"Nike, Li-Ning\",\"consent.marketing\":true,\"refunds.rate\":0.25}}");
    assertThat(err.toString()).isEmpty();
    assertThat(p.id().value()).isEqualTo("c-1");
    assertThat(p.values().get(StandardAttributes.ORDERS)).isEqualTo(3L);
    assertThat(p.values().get(StandardAttributes.SPEND)).isEqualTo(Money.fen(520_000));
    assertThat(p.values().get(StandardAttributes.SPEND_30D)).isEqualTo(Money.fen(1_250));
    assertThat(p.values().get(StandardAttributes.SPEND_90D)).isEqualTo(Money.fen(100));
    assertThat(p.values().get(StandardAttributes.LAST_PURCHASE)).isEqualTo(Instant.parse("2026-05-20T10:00:00Z"));
    assertThat(p.values().get(StandardAttributes.TAGS)).containsExactly("vip");
    assertThat(p.values().get(StandardAttributes.BRANDS)).containsExactly("Nike", "Li-Ning");
    assertThat(p.values().get(StandardAttributes.MARKETING_OPT_IN)).isTrue();
  }

  @Test
  void read_wrongTypeAndUnknownAttribute_areReportedWithLineAndField() throws Exception {
    assertThat(read("{\"id\":\"c-1\",\"orders.count\":\"many\",\"orders.cnt\":1}")).isNull();
    assertThat(err.toString())
        .contains("p.jsonl:7: field 'orders.count': must be a LONG (a whole number), but was \"many\"")
        .contains("p.jsonl:7: field 'orders.cnt': unknown attribute");
  }

  @Test
  void read_coreExportWithoutMetrics_namesTheFix() throws Exception {
    assertThat(read("{\"customerId\":\"c-1\",\"identifiers\":[]}")).isNull();
    assertThat(err.toString()).contains("field 'attributes': is missing").contains("scrm ingest");
  }

  @Test
  void attributes_roundTripThroughRead() throws Exception {
    ProfileFormat.Profile p = read("{\"customerId\":\"c-1\",\"attributes\":{\"orders.count\":3,"
        + "\"spend.total\":\"5200.00 CNY\",\"profile.tags\":[\"vip\"],\"refunds.rate\":0.25}}");
    ObjectNode written = ProfileFormat.attributes(p.values(), AttributeCatalogue.standard());
    ObjectNode line = JSON.createObjectNode().put("customerId", "c-1");
    line.set("attributes", written);
    assertThat(read(line.toString()).values()).isEqualTo(p.values());
  }
}
