package org.sprintchain.chain.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.HashStream;

/** The executor draw is proportional to scaled verified work and fixed by the block hash. */
class WeightedDrawTest {
  private static List<WeightedDraw.Candidate> candidates(long... works) {
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < works.length; i++) {
      addresses.add(ChainTestData.address(100 + i));
    }
    addresses.sort(null);
    List<WeightedDraw.Candidate> out = new ArrayList<>();
    for (int i = 0; i < works.length; i++) {
      out.add(new WeightedDraw.Candidate(addresses.get(i), works[i]));
    }
    return out;
  }

  private static HashStream stream(int block, long job) {
    return new HashStream(
        InferenceBlock.EXECUTOR_DOMAIN, Hashes.sha256(BigEndian.u64(block)), BigEndian.u64(job));
  }

  @Test
  void drawsAreProportionalToWeight() {
    List<WeightedDraw.Candidate> c = candidates(0, 999, 2999, 5998);
    WeightedDraw draw = new WeightedDraw(c);
    assertEquals(10_000, draw.total(), "weights are work + 1");
    int n = 40_000;
    long[] counts = new long[c.size()];
    for (int i = 0; i < n; i++) {
      Address a = draw.draw(stream(i, 7));
      for (int k = 0; k < c.size(); k++) {
        if (c.get(k).worker().equals(a)) {
          counts[k]++;
        }
      }
    }
    // chi-square statistic scaled by 10^4 to stay in integers: sum (o - e)^2 / e
    long chi2Times1000 = 0;
    for (int k = 0; k < c.size(); k++) {
      long expected = n * draw.weight(k) / draw.total();
      long d = counts[k] - expected;
      chi2Times1000 += d * d * 1000 / expected;
    }
    // 3 degrees of freedom: P(chi2 > 16.27) = 0.001
    assertTrue(chi2Times1000 < 16_270, "chi2 x1000 = " + chi2Times1000);
    assertTrue(counts[0] < n / 200, "a newcomer is drawn rarely: " + counts[0]);
  }

  @Test
  void theDrawIsAFunctionOfTheHashAndTheJob() {
    WeightedDraw draw = new WeightedDraw(candidates(5, 5, 5, 5, 5));
    int differ = 0;
    for (int i = 0; i < 200; i++) {
      assertEquals(draw.draw(stream(i, 1)), draw.draw(stream(i, 1)));
      differ += draw.draw(stream(i, 1)).equals(draw.draw(stream(i, 2))) ? 0 : 1;
    }
    assertTrue(differ > 100, "jobs in one block draw independently: " + differ);
  }

  @Test
  void hugeWorksAreScaledIntoALong() {
    WeightedDraw draw = new WeightedDraw(candidates(Long.MAX_VALUE, Long.MAX_VALUE, 0));
    assertTrue(draw.total() > 0);
    assertEquals(1, draw.weight(2));
  }

  @Test
  void candidatesMustBeSortedAndPresent() {
    List<WeightedDraw.Candidate> c = new ArrayList<>(candidates(1, 2));
    java.util.Collections.reverse(c);
    assertThrows(IllegalArgumentException.class, () -> new WeightedDraw(c));
    assertThrows(IllegalArgumentException.class, () -> new WeightedDraw(List.of()));
  }
}
