package io.github.scrm.core.event;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.Fixtures;
import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.staff.StaffId;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ScrmJsonTest {

  private final ObjectMapper mapper = ScrmJson.mapper(Fixtures.PERSONAL);

  static List<CustomerEvent> everyKind() {
    var ids = List.of(member("M1"), phone("13812345678"));
    return List.of(
        Fixtures.joined("e1", NOW, member("M1")),
        ProfileUpdated.of("e2", NOW, "app", ids).withName("张三").withDemographics(Gender.F, LocalDate.of(1990, 5, 1))
            .withLocation("Shanghai", "Shanghai").withMemberLevel("GOLD").withOwningStaff(StaffId.of("s1"))
            .withNoPersonalisedMarketing(true).withTags(List.of("vip"), List.of("new"))
            .withAttributes(Map.of("custom.shoeSize", "42")),
        Fixtures.purchase("e3", NOW, 129_00, member("M1")),
        Fixtures.discountedPurchase("e4", NOW, 100_00, member("M1")),
        Fixtures.refund("e5", "order-e3", NOW, 129_00, member("M1")),
        Fixtures.partialRefund("e6", "order-e4", NOW, 50_00, member("M1")),
        Fixtures.social("e7", NOW, InteractionKind.REVIEW, member("M1")),
        Fixtures.groupMessage("e8", NOW, member("M1")),
        new CampaignParticipation("e9", NOW, NOW, "wechat", ids, "camp-1", CampaignAction.CHECK_IN),
        new StaffContact("e10", NOW, NOW, "wecom", ids, StaffId.of("s1"), ContactChannel.WECOM,
            ContactPurpose.CARE, null),
        new ReferralInviteIssued("e11", NOW, NOW, "wechat", ids, "spring", "CODE1"),
        new ReferralInviteResponded("e12", NOW, NOW, "wechat", ids, "spring", "CODE1", ReferralResponse.ACCEPTED),
        new ReferralQualified("e13", NOW, NOW, "referral", ids, "spring", "CODE1", CustomerId.of("c-2")),
        new InfluenceScored("e14", NOW, NOW, "referral", ids, new BigDecimal("72.5")),
        Fixtures.consent("e15", NOW, ContactChannel.SMS, ConsentStatus.GRANTED, member("M1")));
  }

  @Test
  void roundTrip_everyEventKind_isEqual() throws Exception {
    for (CustomerEvent event : everyKind()) {
      String json = mapper.writeValueAsString(event);
      assertThat(mapper.readValue(json, CustomerEvent.class)).as(json).isEqualTo(event);
    }
  }

  @Test
  void write_purchase_hasTypeAndMoneyAndNoClearPhone() throws Exception {
    var purchase = Fixtures.purchase("e3", NOW, 129_00, phone("+86 138-1234-5678"));
    String json = mapper.writeValueAsString(purchase);
    assertThat(json).startsWith("{\"type\":\"purchase\"")
        .contains("\"paidAmount\":{\"minorUnits\":12900,\"currency\":\"CNY\"}")
        .contains("\"masked\":\"138****5678\"")
        .doesNotContain("13812345678");
  }

  @Test
  void read_clearPhone_isHashedLikePersonalData() throws Exception {
    String json = "{\"type\":\"membership.joined\",\"eventId\":\"e1\",\"occurredAt\":\"2026-06-01T02:00:00Z\","
        + "\"receivedAt\":\"2026-06-01T02:00:00Z\",\"sourceChannel\":\"store\","
        + "\"identifiers\":[{\"type\":\"PHONE\",\"clear\":\"+86 138 1234 5678\"}]}";
    CustomerEvent event = mapper.readValue(json, CustomerEvent.class);
    assertThat(event.identifiers()).containsExactly(phone("13812345678"));
  }

  @Test
  void read_clearPhoneWithoutKey_isRefused() {
    String json = "{\"type\":\"membership.joined\",\"eventId\":\"e1\",\"occurredAt\":\"2026-06-01T02:00:00Z\","
        + "\"receivedAt\":\"2026-06-01T02:00:00Z\",\"sourceChannel\":\"store\","
        + "\"identifiers\":[{\"type\":\"PHONE\",\"clear\":\"13812345678\"}]}";
    assertThatThrownBy(() -> ScrmJson.mapper().readValue(json, CustomerEvent.class))
        .satisfies(e -> assertThat(ScrmJson.describe((Exception) e))
            .startsWith("identifiers[0]: clear PHONE identifiers need a hash key"));
  }

  @Test
  void read_clearPhoneGivenAsHash_isRefusedNamingTheFieldWithoutEchoingIt() {
    String head = "{\"type\":\"membership.joined\",\"eventId\":\"e1\",\"occurredAt\":\"2026-06-01T02:00:00Z\","
        + "\"receivedAt\":\"2026-06-01T02:00:00Z\",\"sourceChannel\":\"store\",\"identifiers\":[";
    String clearValue = head + "{\"type\":\"PHONE\",\"value\":\"13800000000\",\"masked\":\"13800000000\"}]}";
    assertThat(describe(clearValue))
        .startsWith("identifiers[0].value: an identifier of personal type PHONE must hold the keyed hash PersonalData produces")
        .doesNotContain("13800000000");
    assertThat(describeWithoutKey(clearValue)).as("also without a hash key").isEqualTo(describe(clearValue));

    String hash = phone("13812345678").value();
    String clearMasked = head + "{\"type\":\"PHONE\",\"value\":\"" + hash + "\",\"masked\":\"13812345678\"}]}";
    assertThat(describe(clearMasked))
        .startsWith("identifiers[0].masked: an identifier of personal type PHONE must be shown as 138****5678, ****78 or ****")
        .doesNotContain("13812345678");
    String clearEmail = head + "{\"type\":\"EMAIL\",\"value\":\"li.lei@example.com\"}]}";
    assertThat(describe(clearEmail)).startsWith("identifiers[0].value: an identifier of personal type EMAIL must hold the keyed hash")
        .doesNotContain("li.lei");
  }

  @Test
  void read_hashedPhoneAsWritten_isAccepted() throws Exception {
    CustomerEvent event = Fixtures.joined("e1", NOW, phone("13812345678"));
    assertThat(mapper.readValue(mapper.writeValueAsString(event), CustomerEvent.class)).isEqualTo(event);
    assertThat(ScrmJson.mapper().readValue(mapper.writeValueAsString(event), CustomerEvent.class)).isEqualTo(event);
  }

  private static String describeWithoutKey(String json) {
    try {
      ScrmJson.mapper().readValue(json, CustomerEvent.class);
    } catch (Exception e) {
      return ScrmJson.describe(e);
    }
    throw new AssertionError("expected a failure for " + json);
  }

  private String describe(String json) {
    try {
      mapper.readValue(json, CustomerEvent.class);
    } catch (Exception e) {
      return ScrmJson.describe(e);
    }
    throw new AssertionError("expected a failure for " + json);
  }

  private static final String HEAD = "\"eventId\":\"e1\",\"occurredAt\":\"2026-06-01T02:00:00Z\","
      + "\"receivedAt\":\"2026-06-01T02:00:00Z\",\"sourceChannel\":\"erp\","
      + "\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}]";

  private static String line(String price) {
    return "{\"sku\":\"s\",\"brand\":\"b\",\"category\":\"c\",\"quantity\":1,\"unitPrice\":{\"minorUnits\":" + price
        + ",\"currency\":\"CNY\"},\"lineDiscount\":{\"minorUnits\":0,\"currency\":\"CNY\"}}";
  }

  @Test
  void read_negativeLinePrice_namesThePath() {
    String json = "{\"type\":\"purchase\"," + HEAD + ",\"orderId\":\"o1\",\"lines\":[" + line("100") + ","
        + line("100") + "," + line("-100") + "],\"paidAmount\":{\"minorUnits\":100,\"currency\":\"CNY\"},"
        + "\"channel\":\"store\"}";
    assertThat(describe(json)).isEqualTo("lines[2].unitPrice: must not be negative, but was -100");
  }

  @Test
  void read_nullAttributeValue_namesTheAttribute() {
    String json = "{\"type\":\"profile.updated\"," + HEAD + ",\"attributes\":{\"custom.x\":null}}";
    assertThat(describe(json)).isEqualTo("attributes.custom.x: is required, but was null");
  }

  @Test
  void read_badInput_isRefusedWithPathAndReason() {
    assertThat(describe("{\"type\":\"purchase\"," + HEAD + ",\"orderId\":\"o1\",\"lines\":[" + line("100")
        + "],\"paidAmount\":{\"minorUnits\":-5,\"currency\":\"CNY\"},\"channel\":\"store\"}"))
        .isEqualTo("paidAmount: must not be negative, but was -5");
    assertThat(describe("{\"type\":\"membership.joined\",\"occurredAt\":\"2026-06-01T02:00:00Z\","
        + "\"receivedAt\":\"2026-06-01T02:00:00Z\",\"sourceChannel\":\"erp\","
        + "\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}]}"))
        .isEqualTo("eventId: is required, but was missing");
    assertThat(describe("{\"type\":\"social.interaction\"," + HEAD
        + ",\"platform\":\"DOUYIN\",\"kind\":\"LOVE\"}"))
        .startsWith("kind: must be one of [FOLLOW, UNFOLLOW").endsWith("but was 'LOVE'");
    assertThat(describe("{\"type\":\"membership.joined\"," + HEAD + ",\"colour\":\"red\"}"))
        .isEqualTo("colour: unknown field");
    assertThat(describe("{\"type\":\"teleport\"," + HEAD + "}")).startsWith("type: unknown event type 'teleport'");
    assertThat(describe("{" + HEAD + "}")).isEqualTo("type: is required, but was missing");
    assertThat(describe("{\"type\":\"membership.joined\"," + HEAD.replace("\"2026-06-01T02:00:00Z\",\"rec",
        "\"yesterday\",\"rec") + "}")).startsWith("occurredAt: cannot be read as Instant");
    assertThat(describe("{\"type\":\"purchase\"," + HEAD + ",\"orderId\":\"o1\",\"lines\":[" + line("\"100\"")
        + "],\"paidAmount\":{\"minorUnits\":100,\"currency\":\"CNY\"},\"channel\":\"store\"}"))
        .startsWith("lines[0].unitPrice: minorUnits must be a whole number");
    assertThat(describe("{\"type\":\"membership.joined\",")).startsWith("malformed JSON");
    assertThat(describe("{\"type\":\"membership.joined\"," + HEAD.replace("\"M1\"", "\" \"") + "}"))
        .isEqualTo("identifiers[0].value: an identifier of type MEMBER_NUMBER must have 1 to 256 non-blank characters,"
            + " but was blank");
  }

  @Test
  void read_numberOrBooleanForAText_isRefusedWithThePath() {
    assertThat(describe("{\"type\":\"membership.joined\",\"eventId\":true,\"occurredAt\":\"2026-06-01T02:00:00Z\","
        + "\"receivedAt\":\"2026-06-01T02:00:00Z\",\"sourceChannel\":\"erp\","
        + "\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}]}")).startsWith("eventId: ");
    assertThat(describe("{\"type\":\"profile.updated\"," + HEAD + ",\"name\":5}")).startsWith("name: ");
    assertThat(describe("{\"type\":\"membership.joined\"," + HEAD.replace("\"M1\"", "123") + "}"))
        .startsWith("identifiers[0]").contains("must be a string");
  }

  @Test
  void read_amountAboveTheLimit_isRefusedWithThePath() {
    assertThat(describe("{\"type\":\"purchase\"," + HEAD + ",\"orderId\":\"o1\",\"lines\":[" + line("100")
        + "],\"paidAmount\":{\"minorUnits\":1000000000000001,\"currency\":\"CNY\"},\"channel\":\"store\"}"))
        .isEqualTo("paidAmount: must be at most 1000000000000000 minor units, but was 1000000000000001");
    String manyAtAPrice = line("400000000000000").replace("\"quantity\":1", "\"quantity\":3");
    assertThat(describe("{\"type\":\"purchase\"," + HEAD + ",\"orderId\":\"o1\",\"lines\":[" + manyAtAPrice
        + "],\"paidAmount\":{\"minorUnits\":100,\"currency\":\"CNY\"},\"channel\":\"store\"}"))
        .isEqualTo("lines[0].unitPrice: quantity x unitPrice must be at most 1000000000000000 minor units, but was 3 x "
            + "400000000000000");
  }

  @Test
  void read_textsAtTheirLimits_areAccepted() throws Exception {
    String json = "{\"type\":\"purchase\"," + HEAD.replace("\"e1\"", "\"" + "e".repeat(256) + "\"")
        .replace("\"M1\"", "\"" + "M".repeat(256) + "\"") + ",\"orderId\":\"" + "o".repeat(256) + "\",\"lines\":["
        + line("100").replace("\"s\"", "\"" + "s".repeat(256) + "\"") + "],\"paidAmount\":{\"minorUnits\":100,"
        + "\"currency\":\"CNY\"},\"channel\":\"store\"}";

    Purchase p = (Purchase) mapper.readValue(json, CustomerEvent.class);

    assertThat(p.eventId()).hasSize(MaxLengths.EVENT_ID);
    assertThat(p.orderId()).hasSize(MaxLengths.ORDER_ID);
    assertThat(p.lines().get(0).sku()).hasSize(MaxLengths.EVENT_TEXT);
    assertThat(p.identifiers().get(0).value()).hasSize(MaxLengths.IDENTIFIER_VALUE);
  }

  @Test
  void read_textsOneOverTheirLimits_areRefusedWithThePathAndBothLengths() {
    String purchase = "{\"type\":\"purchase\"," + HEAD + ",\"orderId\":\"o1\",\"lines\":[" + line("100")
        + "],\"paidAmount\":{\"minorUnits\":100,\"currency\":\"CNY\"},\"channel\":\"store\"}";

    assertThat(describe(purchase.replace("\"o1\"", "\"" + "o".repeat(257) + "\"")))
        .isEqualTo("orderId: must have 1 to 256 non-blank characters, but had 257");
    assertThat(describe(purchase.replace("\"e1\"", "\"" + "e".repeat(257) + "\"")))
        .isEqualTo("eventId: must have 1 to 256 non-blank characters, but had 257");
    assertThat(describe(purchase.replace("\"sku\":\"s\"", "\"sku\":\"" + "s".repeat(257) + "\"")))
        .isEqualTo("lines[0].sku: must have 1 to 256 non-blank characters, but had 257");
    assertThat(describe(purchase.replace("\"M1\"", "\"" + "M".repeat(257) + "\"")))
        .isEqualTo("identifiers[0].value: an identifier of type MEMBER_NUMBER must have 1 to 256 non-blank characters,"
            + " but had 257");
    assertThat(describe(purchase.replace("{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}",
        "{\"type\":\"WECHAT_OPENID\",\"scope\":\"" + "w".repeat(129) + "\",\"value\":\"o1\"}")))
        .isEqualTo("identifiers[0].scope: an identifier's scope must have at most 128 characters, but had 129");
  }

  @Test
  void read_clearPhoneTooLongForAnIdentifier_isRefusedWithoutEchoingIt() {
    String phone = "138 1234 5678 ".repeat(19); // 266 characters under a non-personal type: taken as the value
    String json = "{\"type\":\"membership.joined\"," + HEAD.replace("{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}",
        "{\"type\":\"DEVICE_ID\",\"clear\":\"" + phone + "\"}") + "}";

    assertThat(describe(json)).isEqualTo("identifiers[0].value: an identifier of type DEVICE_ID must have 1 to 256"
        + " non-blank characters, but had 266").doesNotContain("1234");
  }

  @Test
  void read_instantAsANumber_isRefused() {
    assertThat(describe("{\"type\":\"membership.joined\"," + HEAD.replace("\"2026-06-01T02:00:00Z\",\"rec",
        "1780279200,\"rec") + "}")).startsWith("occurredAt: ");
  }

  @Test
  void read_aFieldTwice_isRefused() {
    assertThat(describe("{\"type\":\"membership.joined\"," + HEAD + ",\"eventId\":\"e2\"}"))
        .isEqualTo("eventId: must appear once in its object, but appeared again");
    assertThat(describe("{\"type\":\"membership.joined\","
        + HEAD.replace("\"type\":\"MEMBER_NUMBER\"", "\"type\":\"MEMBER_NUMBER\",\"type\":\"DEVICE_ID\"") + "}"))
        .isEqualTo("identifiers[0].type: must appear once in its object, but appeared again");
    assertThat(describe("{\"type\":\"purchase\"," + HEAD + ",\"orderId\":\"o1\",\"lines\":[" + line("100")
        + "],\"paidAmount\":{\"minorUnits\":100,\"currency\":\"CNY\",\"currency\":\"USD\"},\"channel\":\"store\"}"))
        .isEqualTo("paidAmount.currency: must appear once in its object, but appeared again");
  }

  @Test
  void eventSchemaDoc_documentsEveryEventType() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "event-schema.md"));
    for (var type : CustomerEvent.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
      assertThat(doc).as(type.name()).contains("### `" + type.name() + "`").contains("\"type\": \"" + type.name());
    }
    assertThat(CustomerEvent.class.getPermittedSubclasses())
        .hasSameSizeAs(CustomerEvent.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value());
  }

  @Test
  void toString_profileUpdate_masksNameAndBirthday() {
    var update = ProfileUpdated.of("e2", NOW, "app", List.of(member("M1"))).withName("张三")
        .withDemographics(Gender.F, LocalDate.of(1990, 5, 1));
    assertThat(update.toString()).doesNotContain("张三").doesNotContain("1990").contains("name=****");
  }

  @Test
  void profileUpdate_attributes_keepTheCallersOrderThroughConstructionAndJson() throws Exception {
    // enough names that a hash-ordered copy would all but surely change their order
    Map<String, String> given = new LinkedHashMap<>();
    for (String name : List.of("zone", "age", "shoeSize", "pet", "colour", "beta", "yield", "muse", "kind", "drink",
        "fabric", "hobby", "x", "orbit", "quota", "lens", "wrist", "card", "neck", "ink")) {
      given.put("custom." + name, name.toUpperCase(Locale.ROOT));
    }
    List<String> order = List.copyOf(given.keySet());
    var update = ProfileUpdated.of("e2", NOW, "app", List.of(member("M1"))).withAttributes(given);
    assertThat(update.attributes().keySet()).containsExactlyElementsOf(order);
    assertThat(update.withName("张三").attributes().keySet()).containsExactlyElementsOf(order);

    String json = mapper.writeValueAsString(update);
    assertThat(order.stream().map(name -> json.indexOf("\"" + name + "\"")).toList()).isSorted();
    var read = (ProfileUpdated) mapper.readValue(json, CustomerEvent.class);
    assertThat(read.attributes().keySet()).containsExactlyElementsOf(order);

    StringWriter lines = new StringWriter();
    JsonLines.with(mapper).write(update, lines);
    List<CustomerEvent> reread = new ArrayList<>();
    JsonLines.with(mapper).readEvents(new StringReader(lines.toString()), reread::add,
        bad -> { throw new AssertionError(bad.toString()); });
    assertThat(reread).singleElement().isEqualTo(update)
        .extracting(e -> List.copyOf(((ProfileUpdated) e).attributes().keySet())).isEqualTo(order);
  }
}
