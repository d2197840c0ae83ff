package io.github.scrm.core;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentityGuardrails;
import io.github.scrm.core.identity.UnmergeOutcome;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.MergeStore;
import io.github.scrm.core.spi.ProfileStore;
import org.junit.jupiter.api.Test;

final class IdentitiesTest {

  private final Scrm scrm = TestScrm.create();
  private final Identifier douyin = Identifier.scoped(IdentifierType.DOUYIN_OPENID, "app-1", "dy-1");

  private CustomerId ingest(io.github.scrm.core.event.CustomerEvent event) {
    return ((IngestOutcome.Accepted) scrm.ingest(event)).customer();
  }

  @Test
  void oneEventLinkingThreeCustomers_mergesBothIntoTheSmallestId() {
    CustomerId a = ingest(Fixtures.purchase("e1", daysAgo(5), 10_00, member("M1")));
    CustomerId b = ingest(Fixtures.purchase("e2", daysAgo(4), 20_00, unionid("U1")));
    CustomerId c = ingest(Fixtures.purchase("e3", daysAgo(3), 30_00, douyin));

    var outcome = (IngestOutcome.Accepted) scrm.ingest(
        Fixtures.joined("e4", daysAgo(1), douyin, unionid("U1"), member("M1")));

    assertThat(outcome.merges()).extracting(m -> m.absorbed()).containsExactly(b, c);
    assertThat(outcome.customer()).isEqualTo(a);
    assertThat(scrm.profile(c).orElseThrow().attributesAt(NOW).get(StandardAttributes.SPEND).minorUnits())
        .isEqualTo(60_00);
    assertThat(scrm.identities().current(c)).isEqualTo(a);
    assertThat(scrm.identities().mergesOf(a)).hasSize(2);
  }

  @Test
  void merge_whenTheHostsStoreLostTheAbsorbedProfile_takesTheAbsorbedEventsFromTheLog() {
    ProfileStore profiles = ProfileStore.inMemory();
    Scrm host = TestScrm.builder().profileStore(profiles).identityIndex(IdentityIndex.inMemory())
        .eventLog(EventLog.inMemory()).build();
    host.ingest(Fixtures.purchase("e1", daysAgo(5), 10_00, member("M1")));
    CustomerId b = ((IngestOutcome.Accepted) host.ingest(Fixtures.purchase("e2", daysAgo(4), 20_00, unionid("U1"))))
        .customer();
    assertThat(profiles.remove(b)).isTrue(); // the store is out of step with the log

    var outcome = (IngestOutcome.Accepted) host.ingest(Fixtures.joined("e3", daysAgo(1), unionid("U1"), member("M1")));

    assertThat(outcome.merges()).extracting(m -> m.absorbed()).containsExactly(b);
    var merged = host.profile(outcome.customer()).orElseThrow();
    assertThat(merged.attributesAt(NOW).get(StandardAttributes.SPEND).minorUnits()).isEqualTo(30_00);
    assertThat(merged.eventCount()).isEqualTo(3);
  }

  /**
   * The state a race leaves: an ingestion bound a new customer to the member number, then found the unionid bound to
   * another customer by a concurrent ingestion, and went on to merge them; the new customer's profile does not list the
   * member number yet. The merge must move the member number with the customer, or it stays bound to the absorbed one.
   */
  @Test
  void merge_ofACustomerWhoseProfileDoesNotListAnIdentifierBoundToIt_movesTheIdentifierToo() {
    IdentityIndex index = IdentityIndex.inMemory();
    ProfileStore profiles = ProfileStore.inMemory();
    Scrm host = TestScrm.builder().profileStore(profiles).identityIndex(index).build();
    CustomerId withUnionid =
        ((IngestOutcome.Accepted) host.ingest(Fixtures.purchase("e1", daysAgo(5), 10_00, unionid("U1")))).customer();
    CustomerId bare = CustomerId.of("c-9");
    index.bindIfAbsent(member("M1"), bare);

    var linking = (IngestOutcome.Accepted) host.ingest(
        Fixtures.purchase("e2", daysAgo(4), 20_00, member("M1"), unionid("U1")));
    var later = (IngestOutcome.Accepted) host.ingest(Fixtures.purchase("e3", daysAgo(3), 30_00, member("M1")));

    assertThat(linking.merges()).singleElement().satisfies(m -> {
      assertThat(m.absorbed()).isEqualTo(bare);
      assertThat(m.movedIdentifiers()).containsExactly(member("M1"));
    });
    assertThat(host.identities().resolve(member("M1"))).contains(withUnionid);
    assertThat(later.customer()).isEqualTo(withUnionid);
    assertThat(later.merges()).isEmpty();
    assertThat(profiles.size()).isEqualTo(1);
    assertThat(host.profile(withUnionid).orElseThrow().identifiers())
        .containsExactlyInAnyOrder(member("M1"), unionid("U1"));
  }

  @Test
  void mergedInto_followsMergesOfMergedCustomers_andDropsUndoneOnes() {
    CustomerId a = ingest(Fixtures.purchase("e1", daysAgo(5), 10_00, member("M1")));
    CustomerId b = ingest(Fixtures.purchase("e2", daysAgo(4), 20_00, unionid("U1")));
    CustomerId c = ingest(Fixtures.purchase("e3", daysAgo(3), 30_00, douyin));
    scrm.ingest(Fixtures.joined("e4", daysAgo(2), unionid("U1"), douyin));
    assertThat(scrm.identities().mergedInto(b)).containsExactly(c);
    scrm.ingest(Fixtures.joined("e5", daysAgo(1), member("M1"), unionid("U1")));

    assertThat(scrm.identities().mergedInto(a)).containsExactlyInAnyOrder(b, c);
    assertThat(scrm.identities().mergedInto(c)).isEmpty();
    scrm.identities().unmerge(b);
    assertThat(scrm.identities().mergedInto(a)).isEmpty();
    assertThat(scrm.identities().mergedInto(b)).containsExactly(c);
  }

  @Test
  void unmerge_ofACustomerWhoseSurvivorWasAbsorbedLater_asksToUndoTheLaterMergeFirst() {
    CustomerId a = ingest(Fixtures.purchase("e1", daysAgo(5), 10_00, member("M1")));
    CustomerId b = ingest(Fixtures.purchase("e2", daysAgo(4), 20_00, unionid("U1")));
    CustomerId c = ingest(Fixtures.purchase("e3", daysAgo(3), 30_00, douyin));
    scrm.ingest(Fixtures.joined("e4", daysAgo(2), unionid("U1"), douyin));
    scrm.ingest(Fixtures.joined("e5", daysAgo(1), member("M1"), unionid("U1")));
    assertThat(scrm.identities().current(c)).isEqualTo(a);

    assertThat(scrm.identities().unmerge(c)).isInstanceOfSatisfying(UnmergeOutcome.NotUnmerged.class,
        n -> assertThat(n.reason()).contains("unmerge " + b + " first"));
    assertThat(scrm.identities().unmerge(b)).isInstanceOf(UnmergeOutcome.Unmerged.class);
    assertThat(scrm.identities().unmerge(c)).isInstanceOf(UnmergeOutcome.Unmerged.class);
    assertThat(scrm.identities().mergedInto(a)).isEmpty();
    assertThat(scrm.profile(douyin).orElseThrow().id()).isEqualTo(c);
    assertThat(scrm.profile(c).orElseThrow().attributesAt(NOW).get(StandardAttributes.SPEND).minorUnits())
        .isEqualTo(30_00);
  }

  @Test
  void unmerge_afterARestart_findsTheMergeInTheHostsStores() {
    ProfileStore profiles = ProfileStore.inMemory();
    EventLog events = EventLog.inMemory();
    IdentityIndex index = IdentityIndex.inMemory();
    MergeStore merges = MergeStore.inMemory();
    Scrm before = TestScrm.builder().profileStore(profiles).eventLog(events).identityIndex(index)
        .mergeStore(merges).build();
    before.ingest(Fixtures.purchase("e1", daysAgo(5), 10_00, member("M1")));
    var absorbed = ((IngestOutcome.Accepted) before.ingest(Fixtures.purchase("e2", daysAgo(4), 20_00, unionid("U1"))))
        .customer();
    before.ingest(Fixtures.joined("e3", daysAgo(1), member("M1"), unionid("U1")));

    // a new instance over the same stores, as after a restart: it knows the merge and can undo it
    Scrm after = TestScrm.builder().idSource(IdSource.sequential("r", 1)).profileStore(profiles).eventLog(events)
        .identityIndex(index).mergeStore(merges).build();
    assertThat(after.identities().mergesOf(absorbed)).hasSize(1);
    assertThat(after.identities().unmerge(absorbed)).isInstanceOf(UnmergeOutcome.Unmerged.class);
    assertThat(after.profile(unionid("U1")).orElseThrow().id()).isEqualTo(absorbed);
    assertThat(after.profile(absorbed).orElseThrow().attributesAt(NOW).get(StandardAttributes.SPEND).minorUnits())
        .isEqualTo(20_00);
  }

  @Test
  void guardrails_areConfigurable() {
    Scrm lenient = TestScrm.builder().guardrails(IdentityGuardrails.defaults().toBuilder()
        .maxPerCustomer(IdentifierType.PHONE, 2).build()).build();
    var a = (IngestOutcome.Accepted) lenient.ingest(Fixtures.joined("e1", daysAgo(2), member("M1"),
        Fixtures.phone("13812345678")));
    var b = (IngestOutcome.Accepted) lenient.ingest(Fixtures.joined("e2", daysAgo(1), member("M1"),
        Fixtures.phone("13912345678")));
    assertThat(b.conflicts()).isEmpty();
    assertThat(lenient.profile(a.customer()).orElseThrow().identifiers()).hasSize(3);
  }

  @Test
  void resolve_unknownIdentifier_isEmpty() {
    assertThat(scrm.identities().resolve(member("nobody"))).isEmpty();
    assertThat(scrm.profile(member("nobody"))).isEmpty();
  }
}
