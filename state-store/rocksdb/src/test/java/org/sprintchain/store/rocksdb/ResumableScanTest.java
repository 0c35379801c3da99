package org.sprintchain.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** A transient iterator error mid-scan is retried without showing the visitor an entry twice. */
class ResumableScanTest {
  private static final TreeMap<byte[], byte[]> DATA = new TreeMap<>(Arrays::compareUnsigned);

  static {
    for (int i = 0; i < 10; i++) {
      DATA.put(bytes("k" + i), bytes("v" + i));
    }
  }

  @Test
  void aTransientErrorMidScanResumesAfterTheLastVisitedEntry() {
    List<String> seen = new ArrayList<>();
    int[] opened = {0};
    // The first two cursors fail after 3 entries each; the third runs to the end.
    ResumableScan scan =
        new ResumableScan(
            () -> new FakeCursor(opened[0]++ < 2 ? 3 : Integer.MAX_VALUE),
            bytes("k2"),
            (k, v) -> seen.add(text(k) + "=" + text(v)));
    RocksDbErrors.withRetries("scan", scan::attempt);
    assertEquals(3, opened[0]);
    assertEquals(
        List.of("k2=v2", "k3=v3", "k4=v4", "k5=v5", "k6=v6", "k7=v7", "k8=v8", "k9=v9"), seen);
  }

  @Test
  void aVisitorThatStopsIsNotCalledAgain() {
    List<String> seen = new ArrayList<>();
    ResumableScan scan =
        new ResumableScan(
            () -> new FakeCursor(Integer.MAX_VALUE),
            new byte[0],
            (k, v) -> seen.add(text(k)) && seen.size() < 2);
    RocksDbErrors.withRetries("scan", scan::attempt);
    RocksDbErrors.withRetries("scan", scan::attempt);
    assertEquals(List.of("k0", "k1"), seen);
  }

  /**
   * A cursor over {@link #DATA} that ends early with a TryAgain error after {@code budget} steps.
   */
  private static final class FakeCursor implements ResumableScan.Cursor {
    private int budget;
    private Map.Entry<byte[], byte[]> at;
    private boolean failed;

    FakeCursor(int budget) {
      this.budget = budget;
    }

    @Override
    public void seek(byte[] target) {
      at = DATA.ceilingEntry(target);
    }

    @Override
    public boolean isValid() {
      if (at != null && budget-- <= 0) {
        failed = true;
        at = null;
      }
      return at != null;
    }

    @Override
    public byte[] key() {
      return at.getKey();
    }

    @Override
    public byte[] value() {
      return at.getValue();
    }

    @Override
    public void next() {
      at = DATA.higherEntry(at.getKey());
    }

    @Override
    public void status() throws RocksDBException {
      if (failed) {
        throw new RocksDBException(
            "injected", new Status(Status.Code.TryAgain, Status.SubCode.None, "injected"));
      }
    }

    @Override
    public void close() {}
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }
}
