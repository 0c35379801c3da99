package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.sprintchain.store.ProofVerifier;
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
  sealed interface Step permits Put, Delete, Commit, ReadOld, Reopen {}

  record Put(byte[] key, byte[] value) implements Step {}

  record Delete(byte[] key) implements Step {}

  record Commit() implements Step {}

  record ReadOld(int back) implements Step {}

  /** A restart with another pruning policy ({@code keepRecent = 0}: archive). */
  record Reopen(StoreOptions options) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return step().list().ofMaxSize(80);
  }

  @Provide
  Arbitrary<List<Step>> stepsWithReopens() {
    Arbitrary<Step> reopen =
        Combinators.combine(
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 3))
            .as((keepRecent, keepEvery) -> new Reopen(new StoreOptions(keepRecent, keepEvery)));
    return Arbitraries.frequencyOf(Tuple.of(12, step()), Tuple.of(1, reopen)).list().ofMaxSize(160);
  }

  private static Arbitrary<Step> step() {
    Arbitrary<byte[]> keys =
        Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(2);
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(4);
    return Arbitraries.frequencyOf(
        Tuple.of(6, Combinators.combine(keys, values).as(Put::new)),
        Tuple.of(3, keys.map(Delete::new)),
        Tuple.of(3, Arbitraries.just(new Commit())),
        Tuple.of(1, Arbitraries.integers().between(0, 6).map(ReadOld::new)));
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

  /**
   * Restarts with any policy (archive included) between the steps: every version reads exactly as
   * committed or is refused, and what the policy in force keeps from the restart on is readable.
   */
  @Property(tries = 300)
  void storeReopenedWithAnotherPolicyNeverServesWrongData(
      @ForAll("stepsWithReopens") List<Step> steps,
      @ForAll @IntRange(min = 0, max = 4) int keepRecent,
      @ForAll @IntRange(min = 0, max = 3) int keepEvery) {
    run(new StoreOptions(keepRecent, keepEvery), steps);
  }

  private static void run(StoreOptions initial, List<Step> steps) {
    InMemoryStateStore store = InMemoryStateStore.create(initial);
    StoreOptions options = initial;
    long reopenedAt = 0;
    try {
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
              check(
                  store, options, reopenedAt, history, Math.max(0, history.size() - 1 - r.back()));
          case Reopen r -> {
            store.close();
            store = InMemoryStateStore.open(store.storage(), r.options());
            options = r.options();
            reopenedAt = store.latestVersion();
          }
        }
      }
      for (int v = 0; v < history.size(); v++) {
        check(store, options, reopenedAt, history, v);
      }
    } finally {
      store.close();
    }
  }

  /**
   * Checks one version: exactly the model's contents, root and proofs, or refused. A version the
   * policy keeps must be readable, and one it does not keep refused, unless it was committed before
   * the last restart (a restart with another policy may drop more).
   */
  private static void check(
      StateStore store,
      StoreOptions options,
      long reopenedAt,
      List<TreeMap<ByteKey, byte[]>> history,
      int version) {
    long latest = history.size() - 1;
    boolean retained =
        !options.prunes()
            || version > latest - options.keepRecent()
            || options.isCheckpoint(version);
    byte[] root;
    try {
      root = store.rootHash(version);
    } catch (VersionNotAvailableException e) {
      assertTrue(!retained || version < reopenedAt, "version " + version + " is kept");
      assertThrows(VersionNotAvailableException.class, () -> store.get(new byte[0], version));
      assertThrows(VersionNotAvailableException.class, () -> store.prove(new byte[0], version));
      return;
    }
    assertTrue(retained || version < reopenedAt, "version " + version + " is not kept");
    TreeMap<ByteKey, byte[]> model = history.get(version);
    assertArrayEquals(ReferenceMerkleRoot.of(model), root);
    List<String> seen = new ArrayList<>();
    store.iterate(new byte[0], version, (k, v) -> seen.add(ByteKey.of(k) + "=" + ByteKey.of(v)));
    List<String> expected = new ArrayList<>();
    model.forEach((k, v) -> expected.add(k + "=" + ByteKey.of(v)));
    assertEquals(expected, seen, "contents of version " + version);
    for (byte[] key : KEYS) {
      Optional<byte[]> modelValue = Optional.ofNullable(model.get(ByteKey.of(key)));
      Optional<byte[]> value = store.get(key, version);
      assertEquals(modelValue.map(ByteKey::of), value.map(ByteKey::of));
      assertTrue(ProofVerifier.verify(store.prove(key, version), key, modelValue, root));
    }
  }

  /** Every key the generator can write: empty, one byte or two bytes of 0..3. */
  private static final List<byte[]> KEYS = allKeys();

  private static List<byte[]> allKeys() {
    List<byte[]> out = new ArrayList<>();
    out.add(new byte[0]);
    for (byte a = 0; a <= 3; a++) {
      out.add(new byte[] {a});
      for (byte b = 0; b <= 3; b++) {
        out.add(new byte[] {a, b});
      }
    }
    return out;
  }
}
