package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ReferralStore;
import io.github.scrm.core.spi.ReferralStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The referral store contract on embedded H2. */
final class JdbcReferralStoreH2Test extends ReferralStoreContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected ReferralStore newStore() {
    return JdbcReferralStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
