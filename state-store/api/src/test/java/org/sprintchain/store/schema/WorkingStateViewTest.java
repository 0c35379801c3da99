package org.sprintchain.store.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.WriteSet;

class WorkingStateViewTest {
  private final MapStateView base =
      new MapStateView()
          .with(key("a1"), val("base a1"))
          .with(key("a3"), val("base a3"))
          .with(key("a5"), val("base a5"))
          .with(key("b1"), val("base b1"));
  private final WriteSet writes = new WriteSet();
  private final StateView working = StateView.working(base, writes);

  @Test
  void mergesStagedWritesIntoTheBaseInKeyOrder() {
    writes.put(key("a0"), val("new a0"));
    writes.put(key("a3"), val("new a3"));
    writes.delete(key("a5"));
    writes.put(key("a9"), val("new a9"));
    writes.put(key("b0"), val("outside the prefix"));

    assertEquals(
        List.of("a0=new a0", "a1=base a1", "a3=new a3", "a9=new a9"),
        collect("a", Integer.MAX_VALUE));
  }

  @Test
  void stopsWhereTheVisitorStops() {
    writes.put(key("a2"), val("new a2"));
    assertEquals(List.of("a1=base a1", "a2=new a2"), collect("a", 2));
    assertEquals(List.of("a1=base a1"), collect("a", 1));
  }

  @Test
  void stagedEntriesAfterTheLastBaseEntryAndDeletesOfAbsentKeys() {
    writes.delete(key("a4"));
    writes.put(key("a7"), val("new a7"));
    assertEquals(
        List.of("a1=base a1", "a3=base a3", "a5=base a5", "a7=new a7"),
        collect("a", Integer.MAX_VALUE));
    assertEquals(List.of("a7=new a7"), collect("a7", Integer.MAX_VALUE));
  }

  @Test
  void seesWritesStagedAfterItWasMade() {
    assertEquals(List.of("b1=base b1"), collect("b", Integer.MAX_VALUE));
    writes.delete(key("b1"));
    assertEquals(List.of(), collect("b", Integer.MAX_VALUE));
  }

  private List<String> collect(String prefix, int limit) {
    List<String> out = new ArrayList<>();
    working.iterate(
        key(prefix),
        (k, v) -> {
          out.add(str(k) + "=" + str(v));
          return out.size() < limit;
        });
    return out;
  }

  private static byte[] key(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] val(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
