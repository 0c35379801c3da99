package org.sprintchain.store.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
  private static final Column<byte[], byte[]> ACCOUNTS =
      Column.create(1, "accounts", Serializer.fixedBytes(20), Serializer.bytes());
  private static final Variable<Long> PARAMS = Variable.create(2, "params", Serializer.uint64());

  @Test
  void listsEveryIdInOrder() {
    Schema schema =
        Schema.builder().variable(PARAMS).column(ACCOUNTS).retired(3, "old fees").build();
    assertEquals(
        List.of("1 column accounts", "2 variable params", "3 retired: old fees"),
        schema.describe());
  }

  @Test
  void rejectsAColumnAndAVariableSharingAnId() {
    Variable<Long> clash = Variable.create(1, "clash", Serializer.uint64());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Schema.builder().column(ACCOUNTS).variable(clash));
    assertTrue(e.getMessage().contains("reuses id 1 of column accounts"), e.getMessage());
  }

  @Test
  void rejectsAReusedRetiredId() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Schema.builder().retired(2, "old params").variable(PARAMS).build());
    assertTrue(e.getMessage().contains("retired (old params)"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Schema.builder().retired(5, "x").retired(5, "y"));
  }
}
