package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;

/**
 * Model-based checks: random sequences of puts, deletes, commits and reads of old versions run
 * against the store and against a list of sorted-map snapshots, which must agree on every value,
 * every iteration, every root (via {@link ReferenceMerkleRoot}) and every retention decision.
 */
class StateStoreModelProperties {

  /** One step of a run. Keys are tiny so that writes collide and include 0x00 and empty keys. */
  sealed interface Step permits Put, Delete, Commit, ReadOld {}

  record Put(byte[] key, byte[] value) implements Step {}

  record Delete(byte[] key) implements Step {}

  record Commit() implements Step {}

  record ReadOld(int back) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<byte[]> keys =
        Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(2);
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(4);
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(6, Combinators.combine(keys, values).as(Put::new)),
            Tuple.of(3, keys.map(Delete::new)),
            Tuple.of(3, Arbitraries.just(new Commit())),
            Tuple.of(1, Arbitraries.integers().between(0, 6).map(ReadOld::new)));
    return step.list().ofMaxSize(80);
  }

  @Property(tries = 300)
  void archiveStoreAgreesWithTheModel(@ForAll("steps") List<Step> steps) {
    run(StoreOptions.archive(), steps);
  }

  @Property(tries = 200)
  void pruningStoreAgreesWithTheModelOnRetainedVersions(
      @ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 1, max = 4) int keepRecent,
      @ForAll @IntRange(min = 0, max = 3) int keepEvery) {
    run(StoreOptions.pruning(keepRecent, keepEvery), steps);
  }

  private static void run(StoreOptions options, List<Step> steps) {
    try (InMemoryStateStore store = InMemoryStateStore.create(options)) {
      List<TreeMap<ByteKey, byte[]>> history = new ArrayList<>();
      history.add(new TreeMap<>());
      TreeMap<ByteKey, byte[]> staged = new TreeMap<>();
      WriteSet writes = new WriteSet();
      for (Step step : steps) {
        switch (step) {
          case Put p -> {
            writes.put(p.key(), p.value());
            staged.put(ByteKey.of(p.key()), p.value());
          }
          case Delete d -> {
            writes.delete(d.key());
            staged.remove(ByteKey.of(d.key()));
          }
          case Commit c -> {
            store.commit(store.prepare(writes));
            writes = new WriteSet();
            history.add(new TreeMap<>(staged));
            assertArrayEquals(ReferenceMerkleRoot.of(staged), store.rootHash());
          }
          case ReadOld r ->
              check(store, options, history, Math.max(0, history.size() - 1 - r.back()));
        }
      }
      for (int v = 0; v < history.size(); v++) {
        check(store, options, history, v);
      }
    }
  }

  private static void check(
      StateStore store, StoreOptions options, List<TreeMap<ByteKey, byte[]>> history, int version) {
    long latest = history.size() - 1;
    boolean retained =
        !options.prunes()
            || version > latest - options.keepRecent()
            || options.isCheckpoint(version);
    if (!retained) {
      assertThrows(VersionNotAvailableException.class, () -> store.rootHash(version));
      return;
    }
    TreeMap<ByteKey, byte[]> model = history.get(version);
    assertArrayEquals(ReferenceMerkleRoot.of(model), store.rootHash(version));
    List<String> seen = new ArrayList<>();
    store.iterate(new byte[0], version, (k, v) -> seen.add(ByteKey.of(k) + "=" + ByteKey.of(v)));
    List<String> expected = new ArrayList<>();
    model.forEach((k, v) -> expected.add(k + "=" + ByteKey.of(v)));
    assertEquals(expected, seen, "contents of version " + version);
    for (byte b = 0; b <= 3; b++) {
      byte[] key = {b};
      Optional<byte[]> value = store.get(key, version);
      assertEquals(
          Optional.ofNullable(model.get(ByteKey.of(key))).map(ByteKey::of), value.map(ByteKey::of));
    }
  }
}
