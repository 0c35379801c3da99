package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.schema.Column;
import org.sprintchain.store.schema.Serializer;
import org.sprintchain.store.schema.StateView;
import org.sprintchain.store.schema.Variable;

/** The typed column API over a real store: working state, committed versions, pruning. */
class ColumnOverStoreTest {
  private static final Column<Long, String> NAMES =
      Column.create(1, "names", Serializer.uint64(), Serializer.utf8());
  private static final Variable<Long> HEIGHT = Variable.create(2, "height", Serializer.uint64());

  @Test
  void readsTheWorkingStateAndEachRetainedVersion() {
    try (StateStore store = InMemoryStateStore.create(StoreOptions.pruning(2, 0))) {
      commitBlock(store, 1, List.of(1L, 2L), List.of());
      commitBlock(store, 2, List.of(3L), List.of(1L));

      assertEquals(List.of("1=v1", "2=v1"), names(StateView.committed(store, 1)));
      assertEquals(List.of("2=v1", "3=v2"), names(StateView.committed(store, 2)));
      assertEquals(Optional.of(1L), HEIGHT.get(StateView.committed(store, 1)));
      assertEquals(Optional.of(2L), HEIGHT.get(StateView.latest(store)));

      WriteSet writes = new WriteSet();
      StateView working = StateView.working(StateView.latest(store), writes);
      NAMES.put(writes, 0L, "staged");
      NAMES.delete(writes, 3L);
      assertEquals(List.of("0=staged", "2=v1"), names(working));
      assertEquals(List.of("2=v1", "3=v2"), names(StateView.latest(store)), "not committed yet");

      store.commit(store.prepare(writes));
      assertEquals(List.of("0=staged", "2=v1"), names(StateView.latest(store)));
      StateView pruned = StateView.committed(store, 1);
      assertThrows(VersionNotAvailableException.class, () -> NAMES.get(pruned, 1L));
    }
  }

  private static void commitBlock(StateStore store, long height, List<Long> put, List<Long> del) {
    WriteSet writes = new WriteSet();
    put.forEach(k -> NAMES.put(writes, k, "v" + height));
    del.forEach(k -> NAMES.delete(writes, k));
    HEIGHT.put(writes, height);
    store.commit(store.prepare(writes));
  }

  private static List<String> names(StateView view) {
    List<String> out = new ArrayList<>();
    NAMES.iterate(view, (k, v) -> out.add(k + "=" + v));
    return out;
  }
}
