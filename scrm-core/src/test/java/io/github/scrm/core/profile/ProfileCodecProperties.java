package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.EventGenerators;
import io.github.scrm.core.Fixtures;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CampaignAction;
import io.github.scrm.core.event.CampaignParticipation;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.ReferralInviteIssued;
import io.github.scrm.core.event.ReferralInviteResponded;
import io.github.scrm.core.event.ReferralQualified;
import io.github.scrm.core.event.ReferralResponse;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.staff.StaffId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ProfileCodecProperties {

  private static final CustomerId ID = CustomerId.of("c-codec");
  private static final List<Instant> INSTANTS = List.of(NOW, daysAgo(1), daysAgo(7).plus(Duration.ofMinutes(30)),
      daysAgo(45), daysAgo(200), NOW.plus(Duration.ofDays(30)));

  /** Events the generators do not make: the remaining profile fields, custom attributes, referrals, campaigns. */
  static List<CustomerEvent> extras(long seed) {
    List<Identifier> ids = List.of(member("M1"));
    Instant at = daysAgo(seed % 50);
    return List.of(
        ProfileUpdated.of("x-1", at, "app", ids).withName("王小明")
            .withDemographics(Gender.values()[(int) (seed % 3)], LocalDate.of(1980 + (int) (seed % 30), 3, 4))
            .withLocation("Xi'an", "Shaanxi").withOwningStaff(StaffId.of("s-" + seed % 4))
            .withNoPersonalisedMarketing(seed % 2 == 0).withAttributes(Map.of("shoeSize", "4" + seed % 5)),
        new ReferralInviteIssued("x-2", at, at, "wechat", ids, "p", "C" + seed),
        new ReferralQualified("x-3", at, at, "referral", ids, "p", "C" + seed, CustomerId.of("c-9")),
        new ReferralInviteResponded("x-4", at, at, "wechat", ids, "p", "C" + seed, ReferralResponse.values()[0]),
        new CampaignParticipation("x-5", at, at, "wechat", ids, "camp", CampaignAction.CHECK_IN),
        // two accounts on one platform, whose follower reports are kept apart
        new SocialInteraction("x-6", at, at, "douyin", List.of(member("M1"), douyin("dy-big")), SocialPlatform.DOUYIN,
            InteractionKind.FOLLOW, null, null, 90_000L + seed, null, List.of()),
        new SocialInteraction("x-7", at.plusSeconds(60), at.plusSeconds(60), "douyin",
            List.of(member("M1"), douyin("dy-small")), SocialPlatform.DOUYIN, InteractionKind.LIKE, null, null,
            seed % 100, null, List.of()));
  }

  private static Identifier douyin(String openId) {
    return Identifier.scoped(IdentifierType.DOUYIN_OPENID, "dy-app", openId);
  }

  static void assertSameState(CustomerProfile decoded, CustomerProfile original) {
    for (Instant t : INSTANTS) {
      AttributeValues expected = original.attributesAt(t);
      AttributeValues actual = decoded.attributesAt(t);
      for (AttributeKey<?> key : StandardAttributes.ALL) {
        assertThat(actual.get(key)).as(key.name() + " at " + t).isEqualTo(expected.get(key));
      }
    }
    assertThat(decoded.id()).isEqualTo(original.id());
    assertThat(decoded.eventCount()).isEqualTo(original.eventCount());
    assertThat(decoded.identifiers()).isEqualTo(original.identifiers());
    assertThat(decoded.consents()).isEqualTo(original.consents());
    assertThat(decoded.consentHistory()).isEqualTo(original.consentHistory());
    assertThat(decoded.tags()).isEqualTo(original.tags());
    assertThat(decoded.levelHistory()).isEqualTo(original.levelHistory());
    assertThat(decoded.name()).isEqualTo(original.name());
    assertThat(decoded.birthday()).isEqualTo(original.birthday());
    assertThat(decoded.customNames()).isEqualTo(original.customNames());
    assertThat(decoded.erasedAt()).isEqualTo(original.erasedAt());
    assertThat(ProfileCodec.toJson(decoded)).isEqualTo(ProfileCodec.toJson(original));
  }

  @Test
  void decodedProfile_hasTheSameStateAsTheOriginal() {
    qt().withExamples(60).forAll(EventGenerators.histories(40), longs().between(0, 1_000))
        .checkAssert((specs, seed) -> {
          List<CustomerEvent> events = new ArrayList<>(EventGenerators.events("e", specs, member("M1")));
          if (seed % 2 == 0) {
            events.addAll(extras(seed));
          }
          CustomerProfile original = CustomerProfile.replay(ID,
              List.of(member("M1"), Fixtures.phone("1381234" + (1000 + seed))), events);
          assertSameState(ProfileCodec.fromJson(ProfileCodec.toJson(original)), original);
        });
  }

  @Test
  void decodedErasedProfile_keepsTheErasureAndTheAggregates() {
    qt().withExamples(30).forAll(EventGenerators.histories(30), longs().between(0, 1_000))
        .checkAssert((specs, seed) -> {
          List<CustomerEvent> events = new ArrayList<>(EventGenerators.events("e", specs, member("M1")));
          events.addAll(extras(seed));
          CustomerProfile original = CustomerProfile.replay(ID, List.of(member("M1")), events)
              .erased(NOW.minus(Duration.ofMinutes(seed)));
          CustomerProfile decoded = ProfileCodec.fromJson(ProfileCodec.toJson(original));
          assertSameState(decoded, original);
          assertThat(decoded.erasedAt()).isPresent();
          assertThat(decoded.name()).isEmpty();
        });
  }
}
