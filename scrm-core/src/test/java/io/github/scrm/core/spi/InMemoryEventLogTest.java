package io.github.scrm.core.spi;

final class InMemoryEventLogTest extends EventLogContract {

  @Override
  protected EventLog newLog() {
    return EventLog.inMemory();
  }
}
