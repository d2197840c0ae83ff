package io.github.scrm.core.spi;

import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.phone;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link IdentityIndex} must have. A host's implementation extends this class (from the
 * scrm-core tests jar) and returns a fresh, empty index from {@link #newIndex()}.
 */
public abstract class IdentityIndexContract {

  /** A new, empty index. */
  protected abstract IdentityIndex newIndex();

  private static final CustomerId A = CustomerId.of("c-a");
  private static final CustomerId B = CustomerId.of("c-b");

  @Test
  void find_unknownIdentifier_isEmpty() {
    assertThat(newIndex().find(member("M1"))).isEmpty();
  }

  @Test
  void bindIfAbsent_keepsTheFirstOwner() {
    IdentityIndex index = newIndex();
    assertThat(index.bindIfAbsent(member("M1"), A)).isEqualTo(A);
    assertThat(index.bindIfAbsent(member("M1"), B)).isEqualTo(A);
    assertThat(index.find(member("M1"))).contains(A);
  }

  @Test
  void identifiers_areDistinguishedByTypeScopeAndValue() {
    IdentityIndex index = newIndex();
    index.bindIfAbsent(member("X1"), A);
    index.bindIfAbsent(unionid("X1"), B);
    index.bindIfAbsent(phone("13812345678"), B);
    assertThat(index.find(member("X1"))).contains(A);
    assertThat(index.find(unionid("X1"))).contains(B);
    assertThat(index.find(Identifier.scoped(io.github.scrm.core.identity.IdentifierType.WECHAT_UNIONID, "other",
        "X1"))).isEmpty();
    assertThat(index.find(phone("+86 138 1234 5678"))).contains(B);
  }

  @Test
  void bind_replacesAndUnbind_onlyRemovesTheGivenOwner() {
    IdentityIndex index = newIndex();
    index.bindIfAbsent(member("M1"), A);
    index.bind(member("M1"), B);
    assertThat(index.find(member("M1"))).contains(B);
    assertThat(index.unbind(member("M1"), A)).isFalse();
    assertThat(index.find(member("M1"))).contains(B);
    assertThat(index.unbind(member("M1"), B)).isTrue();
    assertThat(index.find(member("M1"))).isEmpty();
  }

  @Test
  void bindIfAbsent_fromManyThreads_agreesOnOneOwner() throws Exception {
    IdentityIndex index = newIndex();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 100; round++) {
        Identifier id = member("M-" + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CustomerId>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          CustomerId candidate = CustomerId.of("c-" + t);
          results.add(pool.submit(() -> {
            start.await();
            return index.bindIfAbsent(id, candidate);
          }));
        }
        start.countDown();
        Set<CustomerId> owners = new HashSet<>();
        for (Future<CustomerId> r : results) {
          owners.add(r.get(30, TimeUnit.SECONDS));
        }
        assertThat(owners).hasSize(1);
        assertThat(index.find(id)).contains(owners.iterator().next());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
