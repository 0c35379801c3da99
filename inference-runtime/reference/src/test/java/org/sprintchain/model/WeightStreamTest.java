package org.sprintchain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeightStreamTest {
  private final WeightStream stream = new WeightStream(new byte[32]);

  @Test
  void anyElementCanBeComputedOnItsOwn() {
    byte[] tensor = stream.tensor(TensorId.layer(0, TensorId.W1), 37, 11);
    for (int e = 0; e < tensor.length; e += 7) {
      assertEquals(tensor[e], stream.weight(TensorId.layer(0, TensorId.W1), e));
    }
    byte[] slice = new byte[50];
    stream.fill(TensorId.layer(0, TensorId.W1), 101, slice, 0, 50);
    assertEquals(Arrays.toString(Arrays.copyOfRange(tensor, 101, 151)), Arrays.toString(slice));
  }

  @Test
  void weightsCoverTheSymmetricRangeWithMeanNearZero() {
    byte[] w = stream.tensor(TensorId.layer(3, TensorId.WQ), 256, 256);
    long sum = 0;
    int min = 0;
    int max = 0;
    for (byte b : w) {
      sum += b;
      min = Math.min(min, b);
      max = Math.max(max, b);
    }
    assertEquals(-127, min);
    assertEquals(127, max);
    assertTrue(Math.abs(sum / w.length) < 2, "mean " + sum / w.length);
  }

  @Test
  void mappingIsWordMod255Minus127() {
    assertEquals(-127, WeightStream.toWeight(0));
    assertEquals(127, WeightStream.toWeight(254));
    assertEquals(-127, WeightStream.toWeight(255));
    assertEquals(-127 + (int) (0xFFFF_FFFFL % 255), WeightStream.toWeight(-1));
  }

  @Test
  void tensorsAndSeedsAreIndependent() {
    assertNotEquals(
        Arrays.toString(stream.tensor(TensorId.layer(0, TensorId.WQ), 4, 4)),
        Arrays.toString(stream.tensor(TensorId.layer(0, TensorId.WK), 4, 4)));
    byte[] otherSeed = new byte[32];
    otherSeed[31] = 1;
    assertNotEquals(
        Arrays.toString(stream.tensor(TensorId.TOKEN_EMBEDDING, 4, 4)),
        Arrays.toString(new WeightStream(otherSeed).tensor(TensorId.TOKEN_EMBEDDING, 4, 4)));
  }
}
