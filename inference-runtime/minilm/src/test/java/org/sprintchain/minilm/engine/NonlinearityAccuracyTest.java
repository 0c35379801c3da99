package org.sprintchain.minilm.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The integer exp, softmax and GELU against double-precision references. */
class NonlinearityAccuracyTest {
  private static final double Q32 = 4294967296.0;

  @Test
  void exp2TableIsTheFloorOfTheTrueValue() {
    for (int i = 0; i < 64; i++) {
      double want = Math.pow(2, 40 - i / 64.0);
      assertTrue(Math.abs(IntegerSoftmax.EXP2_Q40[i] - want) < 2, "entry " + i);
    }
  }

  @Test
  void exp2NegIsAccurate() {
    for (long z = 0; z < 40L << 32; z += 97_531_357L) {
      double want = Math.pow(2, 30 - z / Q32);
      double got = IntegerSoftmax.exp2Neg(z);
      assertTrue(
          Math.abs(got - want) <= 1 + want * 1e-9, "z=" + z + " got " + got + " want " + want);
    }
  }

  @Test
  void softmaxSumsToOne() {
    long[] s = {0, 1L << 32, -(3L << 32), 5L << 31, 7};
    long[] p = new long[s.length];
    IntegerSoftmax.apply(s, s.length, p);
    double max = -1e9;
    for (long v : s) {
      max = Math.max(max, v / Q32);
    }
    double z = 0;
    for (long v : s) {
      z += Math.exp(v / Q32 - max);
    }
    for (int j = 0; j < s.length; j++) {
      double want = Math.exp(s[j] / Q32 - max) / z;
      assertTrue(Math.abs(p[j] / (double) (1 << 30) - want) < 1e-8, "p" + j);
    }
  }

  @Test
  void geluMatchesTheErfDefinition() {
    for (double x = -8; x <= 8; x += 0.001953) {
      long q = Math.round(x * Q32);
      double want = 0.5 * x * (1 + erf(x / Math.sqrt(2)));
      double got = IntegerGelu.apply(q) / Q32;
      assertTrue(Math.abs(got - want) < 1e-8 * Math.max(1, Math.abs(x)), "x=" + x);
    }
  }

  /** erf by its Taylor series (|x| ≤ 3) or continued fraction, accurate to about 1e-15. */
  private static double erf(double x) {
    double a = Math.abs(x);
    double r;
    if (a < 3) {
      double term = a;
      double sum = a;
      for (int n = 1; n < 200; n++) {
        term *= -a * a / n;
        sum += term / (2 * n + 1);
      }
      r = 2 / Math.sqrt(Math.PI) * sum;
    } else {
      double f = 0;
      for (int n = 60; n >= 1; n--) {
        f = n / 2.0 / (a + f);
      }
      r = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f);
    }
    return x < 0 ? -r : r;
  }
}
