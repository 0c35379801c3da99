package org.sprintchain.pocw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

/** Seeded test data: everything is a hash of a label, so every run sees the same values. */
public final class PocwTestData {
  private PocwTestData() {}

  /** SHA-256 of the ASCII label. */
  public static byte[] hash(String label) {
    return Sha256.of(label.getBytes(StandardCharsets.US_ASCII));
  }

  /** A 32-byte seed for {@code i}. */
  public static byte[] seed(long i) {
    return hash("seed-" + i);
  }

  /** A 20-byte worker id for {@code i}. */
  public static WorkerId worker(long i) {
    return WorkerId.of(Arrays.copyOf(hash("worker-" + i), 20));
  }

  /** A leaf with nonce {@code nonce} and a digest derived from it. */
  public static WinnerLeaf leaf(long nonce) {
    return new WinnerLeaf(nonce, Sha256.of(BigEndian.u64(nonce)));
  }

  /** Leaves with the given distinct nonces. */
  public static List<WinnerLeaf> leaves(long... nonces) {
    List<WinnerLeaf> out = new ArrayList<>();
    for (long n : nonces) {
      out.add(leaf(n));
    }
    return out;
  }
}
