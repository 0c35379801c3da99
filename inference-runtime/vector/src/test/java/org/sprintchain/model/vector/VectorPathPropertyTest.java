package org.sprintchain.model.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.ScalarBackend;
import org.sprintchain.model.ScalarGemm;
import org.sprintchain.model.SprintModel;

/** The vector path gives the scalar reference's bytes on random seeds, shapes and operands. */
class VectorPathPropertyTest {
  private static byte[] int8(long seed, int n) {
    byte[] out = new byte[n];
    long s = seed;
    for (int i = 0; i < n; i++) {
      s = s * 6364136223846793005L + 1442695040888963407L;
      out[i] = (byte) (Math.floorMod(s >>> 33, 255) - 127);
    }
    return out;
  }

  @Property(tries = 300)
  void gemmMatchesScalar(
      @ForAll @IntRange(min = 1, max = 13) int rows,
      @ForAll @IntRange(min = 1, max = 9) int n,
      @ForAll @IntRange(min = 1, max = 200) int k,
      @ForAll @IntRange(min = 0, max = 5) int aOff,
      @ForAll long seed) {
    byte[] a = int8(seed, aOff + rows * k);
    byte[] b = int8(~seed, n * k);
    int[] expected = new int[rows * n];
    int[] actual = new int[rows * n];
    ScalarGemm.INSTANCE.multiply(a, aOff, rows, b, n, k, expected);
    new VectorGemm().multiply(a, aOff, rows, b, n, k, actual);
    assertArrayEquals(expected, actual);
  }

  @Property(tries = 25)
  void modelMatchesScalar(
      @ForAll("shapes") ModelParams params,
      @ForAll @Size(32) byte[] seed,
      @ForAll @Size(max = 40) byte[] pubkey,
      @ForAll @IntRange(min = 0, max = 1_000_000) int first) {
    try (SprintModel scalar = new ScalarBackend().load(params, seed);
        SprintModel vector = new VectorBackend(3).load(params, seed)) {
      NonceRange range = new NonceRange(first, 5);
      List<NonceDigest> expected = scalar.score(pubkey, range).toList();
      assertEquals(expected, vector.score(pubkey, range).toList());
      ModelTrace s = scalar.recompute(pubkey, first + 2);
      ModelTrace v = vector.recompute(pubkey, first + 2);
      assertArrayEquals(s.digest(), v.digest());
      for (int l = 0; l < s.layerHashes().size(); l++) {
        assertArrayEquals(s.layerHashes().get(l), v.layerHashes().get(l));
      }
    }
  }

  @Provide
  Arbitrary<ModelParams> shapes() {
    Arbitrary<Integer> heads = Arbitraries.integers().between(1, 4);
    Arbitrary<Integer> headDim = Arbitraries.integers().between(1, 24);
    return Combinators.combine(
            heads,
            headDim,
            Arbitraries.integers().between(1, 2),
            Arbitraries.integers().between(1, 80),
            Arbitraries.integers().between(1, 20),
            Arbitraries.integers().between(2, 3000))
        .as((h, dh, layers, ff, seq, vocab) -> new ModelParams(h * dh, layers, h, ff, seq, vocab));
  }
}
