package org.sprintchain.store.testing;

import java.util.function.UnaryOperator;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.StoreColumn;

class InMemoryExportPinningContractTest extends ExportPinningContractTest {
  @Override
  protected StateStore createStore(StoreOptions options, UnaryOperator<KvStorage> decorate) {
    return InMemoryStateStore.open(new InMemoryKvStorage(), options, decorate);
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
