package org.sprintchain.store.rocksdb;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.testing.PolicyChangeContractTest;

class RocksDbPolicyChangeContractTest extends PolicyChangeContractTest {
  @TempDir Path root;
  private int stores;

  @Override
  protected StateStore createStore(StoreOptions options) {
    return RocksDbStateStore.open(root.resolve("db" + stores++), options);
  }

  @Override
  protected StateStore reopenStore(StateStore store, StoreOptions options) {
    store.close();
    return RocksDbStateStore.open(((RocksDbStateStore) store).directory(), options);
  }
}
