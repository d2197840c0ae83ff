package io.github.scrm.examples.jdbc;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.profile.ProfileCodec;
import io.github.scrm.core.spi.ProfileStore;
import io.github.scrm.core.spi.ProfileStoreContract;
import io.github.scrm.core.staff.StaffId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The profile store contract plus what only the JDBC store can get wrong: paging, the JSON column, first inserts. */
abstract class JdbcProfileStoreCases extends ProfileStoreContract {

  private final Databases databases = new Databases(this::database);
  private JdbcDatabase last;

  /** A fresh, migrated, empty database. */
  abstract JdbcDatabase database();

  @Override
  protected ProfileStore newStore() {
    last = databases.open();
    return JdbcProfileStore.create(last);
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void update_storesTheWholeProfile_readableByAnotherStoreInstance() {
    ProfileStore store = newStore();
    CustomerId id = CustomerId.of("c-full");
    CustomerProfile stored = store.update(id, p -> p
        .withIdentifiers(List.of(member("M1"), Fixtures.phone("13812345678")))
        .with(ProfileUpdated.of("e1", daysAgo(3), "app", List.of(member("M1"))).withName("王小明")
            .withDemographics(Gender.F, LocalDate.of(1990, 6, 2)).withLocation("Xi'an", "Shaanxi")
            .withOwningStaff(StaffId.of("s-1")).withTags(List.of("vip"), List.of())
            .withAttributes(Map.of("shoeSize", "42")).withMemberLevel("GOLD"))
        .with(Fixtures.purchase("e2", daysAgo(2), 129_00, member("M1")))
        .with(Fixtures.partialRefund("e3", "o-1", daysAgo(1), 10_00, member("M1"))));
    CustomerProfile read = JdbcProfileStore.create(last).find(id).orElseThrow();
    assertThat(ProfileCodec.toJson(read)).isEqualTo(ProfileCodec.toJson(stored));
    for (var key : StandardAttributes.ALL) {
      assertThat(read.attributesAt(NOW).get(key)).as(key.name()).isEqualTo(stored.attributesAt(NOW).get(key));
    }
    assertThat(read.identifiers()).isEqualTo(stored.identifiers());
  }

  @Test
  void forEach_overSeveralPages_visitsEveryProfileOnce() {
    ProfileStore store = newStore();
    int count = 2 * JdbcProfileStore.PAGE + 1;
    for (int i = 0; i < count; i++) {
      store.put(CustomerProfile.empty(CustomerId.of("p-" + i)));
    }
    Set<CustomerId> seen = new HashSet<>();
    List<CustomerId> visits = new ArrayList<>();
    store.forEach(p -> {
      seen.add(p.id());
      visits.add(p.id());
    });
    assertThat(visits).hasSize(count);
    assertThat(seen).hasSize(count);
  }

  @Test
  void update_firstUpdatesOfManyCustomersRacing_createEachRowOnceAndLoseNothing() throws Exception {
    ProfileStore store = newStore();
    int threads = 4;
    int customers = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < customers; i++) {
            String event = "e-" + thread + "-" + i;
            store.update(CustomerId.of("r-" + i), p -> p.with(Fixtures.joined(event, daysAgo(1), member("M1"))));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.size()).isEqualTo(customers);
    store.forEach(p -> assertThat(p.eventCount()).as(p.id().value()).isEqualTo(threads));
  }

  @Test
  void find_unreadableRow_isABackendFailureNamingTheCustomer() {
    ProfileStore store = newStore();
    last.inTransaction(c -> Sql.update(c, "INSERT INTO customer_profile (customer_id, version, profile) "
        + "VALUES (?, ?, ?)", "c-bad", 1L, "{\"format\":9}"));
    assertThatThrownBy(() -> store.find(CustomerId.of("c-bad"))).isInstanceOf(ScrmException.class)
        .hasMessageContaining("c-bad").hasMessageContaining("format: must be 1 to 2, but was 9");
  }

  @Test
  void update_changingTheId_isRejectedAndStoresNothing() {
    ProfileStore store = newStore();
    assertThatThrownBy(() -> store.update(CustomerId.of("c-1"), p -> CustomerProfile.empty(CustomerId.of("c-2"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must keep its id");
    assertThat(store.size()).isZero();
  }
}
