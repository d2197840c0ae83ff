package io.github.scrm.core.spi;

import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MergeStore} must have. A host's implementation proves itself by extending this class
 * (from the scrm-core tests jar) and returning a fresh, empty store from {@link #newStore()}.
 */
public abstract class MergeStoreContract {

  /** A new, empty store. */
  protected abstract MergeStore newStore();

  private static final CustomerId A = CustomerId.of("c-a");
  private static final CustomerId B = CustomerId.of("c-b");
  private static final CustomerId C = CustomerId.of("c-c");
  private static final Instant AT = Instant.parse("2026-05-01T08:00:00.123456Z");
  private static final Identifier UNION = Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-1", "oU-1");

  private static MergeRecord merge(String id, CustomerId survivor, CustomerId absorbed, Instant at) {
    return new MergeRecord(id, survivor, absorbed, List.of(member("M-" + absorbed.value()), Fixtures.phone(
        "13912345678")), "e-" + id, List.of(member("M-" + survivor.value()), UNION), at, null);
  }

  private static IdentityConflict conflict(String eventId, CustomerId... customers) {
    return new IdentityConflict(eventId, List.of(customers), UNION, "at most 1 WECHAT_UNIONID, but had 2", AT);
  }

  @Test
  void recordMerge_isReadBackWithItsIdentifiersAndMovedEvents() {
    MergeStore store = newStore();
    MergeRecord record = merge("m1", A, B, AT);
    store.recordMerge(record, List.of("e3", "e1", "e2"));
    assertThat(store.mergesOf(A)).containsExactly(record);
    assertThat(store.mergesOf(B)).containsExactly(record);
    assertThat(store.mergesOf(C)).isEmpty();
    assertThat(store.movedEvents("m1")).containsExactly("e3", "e1", "e2");
    assertThat(store.movedEvents("unknown")).isEmpty();
    assertThat(store.absorbedInto(B)).contains(A);
    assertThat(store.absorbedInto(A)).isEmpty();
  }

  @Test
  void recordMerge_movedEventIdsOfTheLongestLengthTheEventSchemaAllows_areReadBack() {
    MergeStore store = newStore();
    List<String> moved = List.of("a".repeat(256), "b".repeat(256)); // eventId: 1 to 256 characters
    store.recordMerge(merge("m1", A, B, AT), moved);
    assertThat(store.movedEvents("m1")).isEqualTo(moved);
  }

  @Test
  void recordMerge_twice_isRefused() {
    MergeStore store = newStore();
    store.recordMerge(merge("m1", A, B, AT), List.of());
    assertThatThrownBy(() -> store.recordMerge(merge("m1", A, C, AT), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m1");
    assertThat(store.absorbedInto(C)).isEmpty();
  }

  @Test
  void recordUnmerge_endsTheRedirectAndKeepsTheRecord() {
    MergeStore store = newStore();
    store.recordMerge(merge("m1", A, B, AT), List.of("e1"));
    Instant undone = AT.plusSeconds(60);
    assertThat(store.recordUnmerge("m1", undone)).isTrue();
    assertThat(store.recordUnmerge("m1", undone.plusSeconds(1))).as("already undone").isFalse();
    assertThat(store.recordUnmerge("unknown", undone)).isFalse();
    assertThat(store.absorbedInto(B)).isEmpty();
    assertThat(store.mergesOf(B)).singleElement().satisfies(r -> assertThat(r.undoneAt()).isEqualTo(undone));
    assertThat(store.movedEvents("m1")).containsExactly("e1");
  }

  @Test
  void mergesOf_listsOldestFirst_includingAMergeAfterAnUnmerge() {
    MergeStore store = newStore();
    store.recordMerge(merge("m1", A, B, AT), List.of());
    store.recordUnmerge("m1", AT.plusSeconds(10));
    store.recordMerge(merge("m2", A, B, AT.plusSeconds(20)), List.of());
    store.recordMerge(merge("m3", C, A, AT.plusSeconds(30)), List.of());
    assertThat(store.mergesOf(B)).extracting(MergeRecord::mergeId).containsExactly("m1", "m2");
    assertThat(store.mergesOf(A)).extracting(MergeRecord::mergeId).containsExactly("m1", "m2", "m3");
    assertThat(store.absorbedInto(B)).contains(A);
    assertThat(store.absorbedInto(A)).contains(C);
  }

  @Test
  void conflicts_areKeptInOrderAndByCustomer() {
    MergeStore store = newStore();
    IdentityConflict first = conflict("e1", A, B);
    IdentityConflict second = conflict("e2", C);
    store.recordConflict(first);
    store.recordConflict(second);
    assertThat(store.conflicts()).containsExactly(first, second);
    assertThat(store.conflictsOf(B)).containsExactly(first);
    assertThat(store.conflictsOf(C)).containsExactly(second);
    assertThat(store.conflictsOf(CustomerId.of("c-none"))).isEmpty();
  }

  @Test
  void redact_dropsIdentifiersAndConflicts_butKeepsWhoWasMergedWhen() {
    MergeStore store = newStore();
    store.recordMerge(merge("m1", A, B, AT), List.of("e1"));
    store.recordMerge(merge("m2", C, CustomerId.of("c-d"), AT), List.of());
    store.recordConflict(conflict("e1", A, B));
    store.recordConflict(conflict("e2", C));
    store.redact(B);
    assertThat(store.mergesOf(B)).singleElement().satisfies(r -> {
      assertThat(r.movedIdentifiers()).isEmpty();
      assertThat(r.linkingIdentifiers()).isEmpty();
      assertThat(r.survivor()).isEqualTo(A);
      assertThat(r.mergedAt()).isEqualTo(AT);
    });
    assertThat(store.mergesOf(C)).singleElement().satisfies(r -> assertThat(r.movedIdentifiers()).hasSize(2));
    assertThat(store.conflicts()).extracting(IdentityConflict::eventId).containsExactly("e2");
    assertThat(store.absorbedInto(B)).contains(A);
  }

  @Test
  void redact_ofACustomerThatAbsorbedOneAndWasAbsorbedLater_redactsBothRecords() {
    // the engine erases a merge tree (C into B, then B into A) by redacting each customer in it
    MergeStore store = newStore();
    store.recordMerge(merge("m1", B, C, AT), List.of("e1"));
    store.recordMerge(merge("m2", A, B, AT.plusSeconds(60)), List.of("e1", "e2"));
    store.redact(B);
    assertThat(store.mergesOf(B)).extracting(MergeRecord::mergeId).containsExactly("m1", "m2");
    assertThat(store.mergesOf(B)).allSatisfy(r -> {
      assertThat(r.movedIdentifiers()).isEmpty();
      assertThat(r.linkingIdentifiers()).isEmpty();
    });
    assertThat(store.absorbedInto(C)).contains(B);
    assertThat(store.absorbedInto(B)).contains(A);
  }

  @Test
  void concurrentConflicts_areAllKept() throws Exception {
    MergeStore store = newStore();
    int threads = 4;
    int each = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            store.recordConflict(conflict("e-" + thread + "-" + i, CustomerId.of("c-" + thread)));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.conflicts()).hasSize(threads * each);
    assertThat(store.conflictsOf(CustomerId.of("c-2"))).hasSize(each)
        .extracting(IdentityConflict::eventId).startsWith("e-2-0", "e-2-1");
  }
}
