package org.sprintchain.store.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.WriteSet;

/**
 * How a contract suite gets stores, and the helpers its tests share. An implementation says how to
 * create a store and how to reopen one on the same data.
 */
public abstract class StoreContractBase {
  private final List<StateStore> opened = new ArrayList<>();

  /** A new, empty store. */
  protected abstract StateStore createStore(StoreOptions options);

  /** Closes {@code store} and opens a new store on the same data, as a node restart would. */
  protected abstract StateStore reopenStore(StateStore store, StoreOptions options);

  protected final StateStore newStore() {
    return newStore(StoreOptions.archive());
  }

  protected final StateStore newStore(StoreOptions options) {
    return track(createStore(options));
  }

  protected final StateStore reopen(StateStore store) {
    return reopen(store, StoreOptions.archive());
  }

  protected final StateStore reopen(StateStore store, StoreOptions options) {
    return track(reopenStore(store, options));
  }

  protected final StateStore track(StateStore store) {
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(StateStore::close);
  }

  protected static void commit(StateStore store, WriteSet writes) {
    store.commit(store.prepare(writes));
  }

  protected static WriteSet writes(String... keyValues) {
    WriteSet w = new WriteSet();
    for (int i = 0; i < keyValues.length; i += 2) {
      w.put(b(keyValues[i]), b(keyValues[i + 1]));
    }
    return w;
  }

  protected static void apply(TreeMap<ByteKey, byte[]> model, ByteKey key, byte[] valueOrNull) {
    if (valueOrNull == null) {
      model.remove(key);
    } else {
      model.put(key, valueOrNull);
    }
  }

  protected static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  protected static String s(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  protected static List<String> entries(StateStore store, String prefix, long version) {
    List<String> out = new ArrayList<>();
    store.iterate(b(prefix), version, (k, v) -> out.add(s(k) + "=" + s(v)));
    return out;
  }

  protected static boolean fail(String message) {
    throw new AssertionError(message);
  }
}
