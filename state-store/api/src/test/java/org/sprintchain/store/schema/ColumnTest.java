package org.sprintchain.store.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.WriteSet;

class ColumnTest {
  private static final Column<Long, String> NAMES =
      Column.create(7, "names", Serializer.uint64(), Serializer.utf8());
  private static final Variable<Long> HEIGHT = Variable.create(9, "height", Serializer.uint64());

  @Test
  void storageKeyIsIdThenSerializedKey() {
    assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 0, 0, 1, 2}, NAMES.storageKey(0x0102L));
    assertArrayEquals(new byte[] {9}, HEIGHT.storageKey());
    assertEquals(7, NAMES.id());
    assertEquals(255, Column.create(255, "last", Serializer.bytes(), Serializer.bytes()).id());
  }

  @Test
  void putThenGetThroughTheWorkingState() {
    MapStateView committed = new MapStateView();
    WriteSet writes = new WriteSet();
    StateView working = StateView.working(committed, writes);
    NAMES.put(writes, 5L, "five");
    HEIGHT.put(writes, 12L);

    assertEquals(Optional.of("five"), NAMES.get(working, 5L));
    assertEquals(Optional.of(12L), HEIGHT.get(working));
    assertEquals(Optional.empty(), NAMES.get(committed, 5L), "nothing reaches the base");
    assertArrayEquals(
        "five".getBytes(StandardCharsets.UTF_8),
        writes.lookup(NAMES.storageKey(5L)).orElseThrow().orElseThrow());
  }

  @Test
  void deleteHidesTheCommittedEntry() {
    MapStateView committed =
        new MapStateView()
            .with(NAMES.storageKey(1L), bytes("one"))
            .with(HEIGHT.storageKey(), new byte[8]);
    WriteSet writes = new WriteSet();
    StateView working = StateView.working(committed, writes);
    NAMES.delete(writes, 1L);
    HEIGHT.delete(writes);

    assertEquals(Optional.empty(), NAMES.get(working, 1L));
    assertEquals(Optional.empty(), HEIGHT.get(working));
    assertEquals(Optional.of("one"), NAMES.get(committed, 1L));
  }

  @Test
  void iterateStaysInsideTheColumnAndDecodesKeys() {
    Column<Long, String> neighbour =
        Column.create(8, "other", Serializer.uint64(), Serializer.utf8());
    MapStateView view = new MapStateView();
    view.with(NAMES.storageKey(2L), bytes("two"))
        .with(NAMES.storageKey(1L), bytes("one"))
        .with(neighbour.storageKey(0L), bytes("not mine"))
        .with(new byte[] {6, 1}, bytes("not mine either"));

    assertEquals(List.of("1=one", "2=two"), collect(NAMES, view, new byte[0]));
  }

  @Test
  void iterateByKeyPrefixAndStop() {
    Column<byte[], String> pairs =
        Column.create(3, "pairs", Serializer.fixedBytes(2), Serializer.utf8());
    MapStateView view = new MapStateView();
    view.with(pairs.storageKey(new byte[] {1, 1}), bytes("a"))
        .with(pairs.storageKey(new byte[] {1, 2}), bytes("b"))
        .with(pairs.storageKey(new byte[] {2, 1}), bytes("c"));

    List<String> firstOnly = new ArrayList<>();
    pairs.iterate(
        view,
        new byte[] {1},
        (k, v) -> {
          firstOnly.add(v);
          return false;
        });
    assertEquals(List.of("a"), firstOnly);

    List<String> underOne = new ArrayList<>();
    pairs.iterate(view, new byte[] {1}, (k, v) -> underOne.add(v));
    assertEquals(List.of("a", "b"), underOne);
  }

  @Test
  void malformedStoredValuesAreRejected() {
    MapStateView view = new MapStateView().with(HEIGHT.storageKey(), new byte[] {1, 2});
    assertThrows(IllegalArgumentException.class, () -> HEIGHT.get(view));
    assertThrows(
        IllegalArgumentException.class,
        () -> Column.create(256, "too big", Serializer.bytes(), Serializer.bytes()));
    assertThrows(
        IllegalArgumentException.class, () -> Serializer.fixedBytes(2).toBytes(new byte[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Serializer.utf8().fromBytes(new byte[] {(byte) 0xC3}));
  }

  @Test
  void uint64KeysIterateInNumericOrder() {
    MapStateView view = new MapStateView();
    for (long k : new long[] {300, 2, 70_000, 1}) {
      view.with(NAMES.storageKey(k), bytes("n" + k));
    }
    assertEquals(
        List.of("1=n1", "2=n2", "300=n300", "70000=n70000"), collect(NAMES, view, new byte[0]));
    assertTrue(NAMES.toString().contains("names"));
  }

  static List<String> collect(Column<Long, String> column, StateView view, byte[] prefix) {
    List<String> out = new ArrayList<>();
    column.iterate(view, prefix, (k, v) -> out.add(k + "=" + v));
    return out;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
