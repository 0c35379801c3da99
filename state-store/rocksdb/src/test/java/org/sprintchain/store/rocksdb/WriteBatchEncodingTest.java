package org.sprintchain.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sprintchain.store.engine.KvBatch;
import org.sprintchain.store.engine.StoreColumn;

class WriteBatchEncodingTest {
  @Test
  void varintSizesMatchTheEncoding() {
    int[][] cases = {{0, 1}, {127, 1}, {128, 2}, {16_383, 2}, {16_384, 3}, {Integer.MAX_VALUE, 5}};
    for (int[] c : cases) {
      assertEquals(c[1], WriteBatchEncoding.varintSize(c[0]), "varint of " + c[0]);
    }
  }

  @Test
  void encodesIntoAnArrayOfExactlyItsSize() {
    KvBatch batch =
        new KvBatch()
            .put(StoreColumn.META, new byte[] {1}, new byte[200]) // default family: no id
            .put(StoreColumn.VALUES, new byte[130], new byte[] {7})
            .delete(StoreColumn.STALE, new byte[] {2, 3});
    byte[] encoded = WriteBatchEncoding.encode(batch, c -> c == StoreColumn.META ? 0 : c.id());
    // header 12; put: tag 1, key 1+1, value 2+200; cf put: tag 1, cf 1, key 2+130, value 1+1;
    // cf delete: tag 1, cf 1, key 1+2
    assertEquals(12 + (1 + 2 + 202) + (1 + 1 + 132 + 2) + (1 + 1 + 3), encoded.length);
    assertEquals(3, encoded[8]); // operation count, little-endian
  }
}
