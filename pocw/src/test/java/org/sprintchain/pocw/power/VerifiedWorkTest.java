package org.sprintchain.pocw.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.DifficultyTarget;

class VerifiedWorkTest {
  @Test
  void powerOfTwoTargetsAreExact() {
    // target 2^250: p = 2^-6, so each winner stands for 64 nonces.
    DifficultyTarget t = DifficultyTarget.oneIn(64);
    assertEquals(BigInteger.ONE.shiftLeft(250), t.value());
    assertEquals(0, VerifiedWork.estimate(0, t));
    assertEquals(64, VerifiedWork.estimate(1, t));
    assertEquals(64_000, VerifiedWork.estimate(1000, t));
  }

  @Test
  void otherTargetsFloor() {
    // target floor(2^256 / 3): 2^256 / target is just above 3, so 10 winners are 30 nonces.
    DifficultyTarget t = DifficultyTarget.oneIn(3);
    assertEquals(3, VerifiedWork.estimate(1, t));
    assertEquals(30, VerifiedWork.estimate(10, t));
    // The largest target, 2^256 - 1: every winner is (just over) one nonce.
    byte[] max = new byte[32];
    java.util.Arrays.fill(max, (byte) 0xFF);
    assertEquals(1, VerifiedWork.estimate(1, DifficultyTarget.of(max)));
  }

  @Test
  void capsAtLongMax() {
    byte[] one = new byte[32];
    one[31] = 1; // p = 2^-256
    assertEquals(Long.MAX_VALUE, VerifiedWork.estimate(1, DifficultyTarget.of(one)));
    assertEquals(Long.MAX_VALUE, VerifiedWork.estimate(Long.MAX_VALUE, DifficultyTarget.oneIn(64)));
    assertThrows(
        IllegalArgumentException.class, () -> VerifiedWork.estimate(-1, DifficultyTarget.oneIn(2)));
  }
}
