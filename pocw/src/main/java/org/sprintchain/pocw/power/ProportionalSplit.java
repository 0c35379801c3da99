package org.sprintchain.pocw.power;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sprintchain.pocw.WorkerId;

/**
 * Splits an integer amount in proportion to integer weights, exactly: each entry gets {@code
 * floor(A · w / S)}, and the {@code A − Σ floor} units left (fewer than the number of entries with
 * a non-zero remainder) go one each to the entries with the largest remainders {@code A · w mod S},
 * ties broken by id ascending. The shares sum to {@code A} whenever {@code S > 0}; no entry gets
 * more than the ceiling of its exact share.
 */
public final class ProportionalSplit {
  private ProportionalSplit() {}

  /** Shares of {@code amount} for {@code entries} (id, weight ≥ 0), in the entries' order. */
  public static long[] split(long amount, List<Map.Entry<WorkerId, Long>> entries) {
    if (amount < 0) {
      throw new IllegalArgumentException("amount " + amount + " < 0");
    }
    BigInteger total = BigInteger.ZERO;
    for (Map.Entry<WorkerId, Long> e : entries) {
      total = total.add(BigInteger.valueOf(e.getValue()));
    }
    long[] shares = new long[entries.size()];
    if (total.signum() == 0) {
      return shares;
    }
    BigInteger a = BigInteger.valueOf(amount);
    BigInteger[] remainders = new BigInteger[entries.size()];
    long given = 0;
    for (int i = 0; i < shares.length; i++) {
      BigInteger[] qr =
          a.multiply(BigInteger.valueOf(entries.get(i).getValue())).divideAndRemainder(total);
      shares[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given += shares[i];
    }
    long left = amount - given;
    if (left > 0) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < shares.length; i++) {
        order.add(i);
      }
      order.sort(
          (x, y) -> {
            int c = remainders[y].compareTo(remainders[x]);
            return c != 0 ? c : entries.get(x).getKey().compareTo(entries.get(y).getKey());
          });
      for (int j = 0; j < left; j++) {
        shares[order.get(j)]++;
      }
    }
    return shares;
  }
}
