package org.sprintchain.store.testing;

import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;

class InMemoryPolicyChangeContractTest extends PolicyChangeContractTest {
  @Override
  protected StateStore createStore(StoreOptions options) {
    return InMemoryStateStore.create(options);
  }

  @Override
  protected StateStore reopenStore(StateStore store, StoreOptions options) {
    store.close();
    return InMemoryStateStore.open(((InMemoryStateStore) store).storage(), options);
  }
}
