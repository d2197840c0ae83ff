package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ProfileCodecTest {

  private static final CustomerId ID = CustomerId.of("c-1");

  @Test
  void toJson_startsWithTheFormatAndKeepsMaskedIdentifiers() {
    var p = CustomerProfile.replay(ID, List.of(Fixtures.phone("13812345678")),
        List.of(Fixtures.purchase("e1", daysAgo(1), 10_00, member("M1"))));
    String json = ProfileCodec.toJson(p);
    assertThat(json).startsWith("{\"format\":2,").contains("138****5678").doesNotContain("13812345678");
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
    String json = ProfileCodec.toJson(CustomerProfile.empty(ID)).replace("\"format\":2", "\"format\":7");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("format: must be 1 to 2, but was 7");
  }

  @Test
  void fromJson_clearPhoneInPlaceOfItsHash_isRejectedNamingTheIdentifier() {
    var p = CustomerProfile.replay(ID, List.of(member("M1"), Fixtures.phone("13812345678")), List.of());
    String json = ProfileCodec.toJson(p).replace(Fixtures.phone("13812345678").value(), "13812345678");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("identifiers[1].value: an identifier of personal type PHONE must hold the keyed hash")
        .hasMessageNotContaining("13812345678");
  }

  @Test
  void fromJson_missingFormat_isRejected() {
    assertThatThrownBy(() -> ProfileCodec.fromJson("{\"customerId\":\"c-1\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("format: must be 1 to 2, but was null");
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

  @Test
  void fromJson_markCodesFromAnotherNumbering_areReadByName() {
    var p = CustomerProfile.empty(ID).with(Fixtures.social("e1", daysAgo(2), InteractionKind.COMMENT, member("M1")))
        .with(Fixtures.groupMessage("e2", daysAgo(1), member("M1")));
    String json = ProfileCodec.toJson(p);
    int comment = InteractionKind.COMMENT.ordinal();
    int message = Activity.COMMUNITY + CommunityAction.MESSAGE.ordinal();
    // the same document as written by a build whose enums numbered comments 20 and group messages 21
    long[] marks = p.activity().marks;
    String shifted = json;
    for (long mark : marks) {
      int code = Activity.markCode(mark);
      int other = (code & ~Activity.BRAND_POST) == comment ? 20 : 21;
      shifted = shifted.replace(Long.toString(mark),
          Long.toString((Activity.markTime(mark) << Activity.CODE_BITS) | other | (code & Activity.BRAND_POST)));
    }
    shifted = shifted.replace("\"" + comment + "\":\"interaction.COMMENT\"", "\"20\":\"interaction.COMMENT\"")
        .replace("\"" + message + "\":\"community.MESSAGE\"", "\"21\":\"community.MESSAGE\"");
    assertThat(shifted).isNotEqualTo(json).contains("\"20\":\"interaction.COMMENT\"");

    var decoded = ProfileCodec.fromJson(shifted);
    assertThat(decoded.activity().marks).containsExactly(marks);
    assertThat(ProfileCodec.toJson(decoded)).isEqualTo(json);
  }

  @Test
  void fromJson_formatOneWithoutLegend_isReadWithTheCurrentNumbering() {
    var p = CustomerProfile.empty(ID).with(Fixtures.social("e1", daysAgo(2), InteractionKind.LIKE, member("M1")));
    String json = ProfileCodec.toJson(p).replace("\"format\":2", "\"format\":1")
        .replaceAll(",\"markCodes\":\\{[^}]*}", "").replaceAll(",\"platforms\":\\[[^\\]]*]", "");
    assertThat(json).doesNotContain("markCodes").doesNotContain("platforms");
    assertThat(ProfileCodec.fromJson(json).activity().marks).containsExactly(p.activity().marks);
  }

  @Test
  void fromJson_unknownMarkName_isRejectedNamingTheCode() {
    var p = CustomerProfile.empty(ID).with(Fixtures.groupMessage("e1", daysAgo(2), member("M1")));
    String json = ProfileCodec.toJson(p).replace("community.MESSAGE", "community.SHOUTED");
    int message = Activity.COMMUNITY + CommunityAction.MESSAGE.ordinal();
    assertThatThrownBy(() -> ProfileCodec.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity.markCodes." + message + ": must name a known mark, but was \"community.SHOUTED\"");
  }

  @Test
  void fromJson_platformsFromAnotherNumbering_areReadByName() {
    var event = new SocialInteraction("e1", daysAgo(1), daysAgo(1), "weibo", List.of(member("M1")),
        SocialPlatform.WEIBO, InteractionKind.FOLLOW, null, null, 5_000L, null, List.of());
    String json = ProfileCodec.toJson(CustomerProfile.empty(ID).with(event));
    // written by a build that listed WEIBO first
    int weibo = SocialPlatform.WEIBO.ordinal();
    String other = json.replace("\"WECHAT\"", "\"TMP\"").replace("\"WEIBO\"", "\"WECHAT\"")
        .replace("\"TMP\"", "\"WEIBO\"");
    other = other.replace(",5000," + weibo + "]", ",5000,0]");
    assertThat(other).isNotEqualTo(json);
    assertThat(ProfileCodec.toJson(ProfileCodec.fromJson(other))).isEqualTo(json);
  }

  @Test
  void fromJson_formatOneWithAPlatformNumberBeyondTheEnum_isRejected() {
    var event = new SocialInteraction("e1", daysAgo(1), daysAgo(1), "weibo", List.of(member("M1")),
        SocialPlatform.WEIBO, InteractionKind.FOLLOW, null, null, 5_000L, null, List.of());
    String json = ProfileCodec.toJson(CustomerProfile.empty(ID).with(event)).replace("\"format\":2", "\"format\":1")
        .replaceAll(",\"markCodes\":\\{[^}]*}", "").replaceAll(",\"platforms\":\\[[^\\]]*]", "")
        .replace(",5000," + SocialPlatform.WEIBO.ordinal() + "]", ",5000,99]");
    assertThat(json).contains(",5000,99]");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity.followers: platform 99 of triple 0 is not a platform number");
  }

  @Test
  void followerAccounts_areOptional_andMustMatchTheReports() {
    Identifier big = Identifier.scoped(IdentifierType.DOUYIN_OPENID, "dy-app", "big-account");
    Identifier small = Identifier.scoped(IdentifierType.DOUYIN_OPENID, "dy-app", "small-account");
    var p = CustomerProfile.empty(ID)
        .with(new SocialInteraction("e1", daysAgo(3), daysAgo(3), "douyin", List.of(member("M1"), big),
            SocialPlatform.DOUYIN, InteractionKind.FOLLOW, null, null, 5_000L, null, List.of()))
        .with(new SocialInteraction("e2", daysAgo(1), daysAgo(1), "douyin", List.of(member("M1"), small),
            SocialPlatform.DOUYIN, InteractionKind.FOLLOW, null, null, 70L, null, List.of()));
    String json = ProfileCodec.toJson(p);
    assertThat(ProfileCodec.fromJson(json).attributesAt(NOW).get(StandardAttributes.FOLLOWERS)).isEqualTo(5_000L);

    // written before accounts were kept: the reports are of the platform's one account, the latest counts
    String withoutAccounts = json.replaceAll(",\"followerAccounts\":\\[[^\\]]*]", "");
    assertThat(withoutAccounts).doesNotContain("followerAccounts");
    assertThat(ProfileCodec.fromJson(withoutAccounts).attributesAt(NOW).get(StandardAttributes.FOLLOWERS))
        .isEqualTo(70L);

    String oneMissing = json.replaceAll("\"followerAccounts\":\\[(-?\\d+),-?\\d+]", "\"followerAccounts\":[$1]");
    assertThat(oneMissing).isNotEqualTo(json);
    assertThatThrownBy(() -> ProfileCodec.fromJson(oneMissing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activity.followerAccounts: must hold one account per follower triple (2), but had 1");
  }

  @Test
  void followerReports_keepTheirPlatformAndInstantAcrossACodecRoundTrip() {
    var before = new SocialInteraction("e1", daysAgo(3), daysAgo(3), "weibo", List.of(member("M1")),
        SocialPlatform.WEIBO, InteractionKind.FOLLOW, null, null, 5_000L, null, List.of());
    var after = new SocialInteraction("e2", daysAgo(1), daysAgo(1), "douyin", List.of(member("M1")),
        SocialPlatform.DOUYIN, InteractionKind.FOLLOW, null, null, 7_000L, null, List.of());
    var p = CustomerProfile.empty(ID).with(before).with(after);
    var decoded = ProfileCodec.fromJson(ProfileCodec.toJson(p));
    assertThat(decoded.attributesAt(daysAgo(2)).get(StandardAttributes.FOLLOWERS)).isEqualTo(5_000L);
    assertThat(decoded.attributesAt(NOW).get(StandardAttributes.FOLLOWERS)).isEqualTo(7_000L);
    assertThat(ProfileCodec.toJson(p)).contains("[" + daysAgo(3).toEpochMilli() + ",5000,"
        + SocialPlatform.WEIBO.ordinal() + "," + daysAgo(1).toEpochMilli() + ",7000," + SocialPlatform.DOUYIN.ordinal()
        + "]");
  }
}
