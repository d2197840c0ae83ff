package io.github.scrm.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.ScrmException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

final class JdbcDatabaseTest {

  @Test
  void inTransaction_whenTheRollbackFailsToo_reportsTheWorksFailure_withTheRollbacksAttached() throws Exception {
    try (JdbcDatabase h2 = TestDatabases.h2()) {
      JdbcDatabase broken = JdbcDatabase.using(rollbackFails(h2.dataSource()));

      assertThatThrownBy(() -> broken.inTransaction(c -> {
        throw new SQLException("duplicate key value violates unique constraint", "23505");
      }))
          .isInstanceOf(ScrmException.class)
          .hasMessageContaining("duplicate key value")
          .cause().satisfies(cause -> assertThat(cause.getSuppressed()).singleElement()
              .satisfies(s -> assertThat(s).hasMessage("connection lost during rollback")));
    }
  }

  /** {@code dataSource} with connections whose rollback fails as a broken connection's would. */
  private static DataSource rollbackFails(DataSource dataSource) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(dataSource, method, args);
          if (!(result instanceof Connection connection)) {
            return result;
          }
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("rollback") && (a == null || a.length == 0)) {
                  connection.rollback();
                  throw new SQLException("connection lost during rollback", "08006");
                }
                return invoke(connection, m, a);
              });
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
