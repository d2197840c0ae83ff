package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ProfileUpdated;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ProfileCodecTest {

  private static final CustomerId ID = CustomerId.of("c-1");

  @Test
  void toJson_startsWithTheFormatAndKeepsMaskedIdentifiers() {
    var p = CustomerProfile.replay(ID, List.of(Fixtures.phone("13812345678")),
        List.of(Fixtures.purchase("e1", daysAgo(1), 10_00, member("M1"))));
    String json = ProfileCodec.toJson(p);
    assertThat(json).startsWith("{\"format\":1,").contains("138****5678").doesNotContain("13812345678");
    assertThat(ProfileCodec.fromJson(json).identifiers()).isEqualTo(p.identifiers());
  }

  @Test
  void emptyProfile_roundTrips() {
    var decoded = ProfileCodec.fromJson(ProfileCodec.toJson(CustomerProfile.empty(ID)));
    assertThat(decoded.id()).isEqualTo(ID);
    assertThat(decoded.eventCount()).isZero();
    assertThat(decoded.identifiers()).isEmpty();
    assertThat(decoded.erasedAt()).isEmpty();
  }

  @Test
  void erasedProfile_roundTripsWithItsErasureInstant() {
    var p = CustomerProfile.replay(ID, List.of(member("M1")), List.of(
        ProfileUpdated.of("e1", daysAgo(2), "app", List.of(member("M1"))).withName("王小明"),
        Fixtures.purchase("e2", daysAgo(1), 10_00, member("M1")))).erased(Fixtures.NOW);
    var decoded = ProfileCodec.fromJson(ProfileCodec.toJson(p));
    assertThat(decoded.erasedAt()).contains(Fixtures.NOW);
    assertThat(decoded.name()).isEmpty();
    assertThat(decoded.identifiers()).isEmpty();
    assertThat(decoded.eventCount()).isEqualTo(2);
    assertThat(decoded.attributesAt(Fixtures.NOW).get(io.github.scrm.core.attribute.StandardAttributes.ORDERS))
        .isEqualTo(1L);
  }

  @Test
  void fromJson_unknownFormat_isRejectedNamingTheFieldAndValue() {
    String json = ProfileCodec.toJson(CustomerProfile.empty(ID)).replace("\"format\":1", "\"format\":7");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("format: must be 1, but was 7");
  }

  @Test
  void fromJson_missingFormat_isRejected() {
    assertThatThrownBy(() -> ProfileCodec.fromJson("{\"customerId\":\"c-1\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("format: must be 1, but was null");
  }

  @Test
  void fromJson_mistypedField_namesIt() {
    String json = ProfileCodec.toJson(CustomerProfile.empty(ID)).replace("\"events\":0", "\"events\":\"zero\"");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events: must be a whole number, but was \"zero\"");
  }

  @Test
  void fromJson_notJson_isRejected() {
    assertThatThrownBy(() -> ProfileCodec.fromJson("not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("profile JSON: must be valid JSON");
  }

  @Test
  void fromJson_unsortedMarks_isRejected() {
    var p = CustomerProfile.empty(ID).with(Fixtures.groupMessage("e1", daysAgo(2), member("M1")))
        .with(Fixtures.groupMessage("e2", daysAgo(1), member("M1")));
    String json = ProfileCodec.toJson(p);
    String marks = json.substring(json.indexOf("\"marks\":[") + 9, json.indexOf(']', json.indexOf("\"marks\":[")));
    String[] parts = marks.split(",");
    String swapped = json.replace(marks, parts[1] + "," + parts[0]);
    assertThatThrownBy(() -> ProfileCodec.fromJson(swapped)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("activity.marks: must be ascending");
  }

  @Test
  void fromJson_negativeEventCount_isRejected() {
    String json = ProfileCodec.toJson(CustomerProfile.empty(ID)).replace("\"events\":0", "\"events\":-1");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events: must be between 0 and 2147483647, but was -1");
  }
}
