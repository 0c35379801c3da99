package org.sprintchain.store.testing;

import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.engine.StoreColumn;

class InMemoryPruningContractTest extends PruningContractTest {
  @Override
  protected StateStore createStore(StoreOptions options) {
    return InMemoryStateStore.create(options);
  }

  @Override
  protected StateStore reopenStore(StateStore store, StoreOptions options) {
    store.close();
    return InMemoryStateStore.open(((InMemoryStateStore) store).storage(), options);
  }

  @Override
  protected long storedEntries(StateStore store, StoreColumn column) {
    return ((InMemoryStateStore) store).storage().size(column);
  }
}
