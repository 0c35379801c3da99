package org.sprintchain.testnet.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadMixTest {
  @Test
  void transfersIsTheMix() {
    assertEquals(LoadMix.TRANSFERS, LoadMix.parse("transfers"));
    assertEquals(LoadMix.TRANSFERS, LoadMix.parse("transfers=1"));
  }

  @Test
  void weightsDecideWhichTxsAreInferenceRequests() {
    LoadMix mix = LoadMix.parse("transfers=3,inference=1");
    assertEquals(new LoadMix(3, 1), mix);
    assertEquals("transfers=3,inference=1", mix.label());
    int inference = 0;
    for (long n = 0; n < 400; n++) {
      inference += mix.inferenceAt(n) ? 1 : 0;
    }
    assertEquals(100, inference);
    assertTrue(LoadMix.parse("inference").inferenceAt(0));
    assertEquals("inference", LoadMix.parse("inference").label());
    assertTrue(!LoadMix.TRANSFERS.inferenceAt(5));
  }

  @Test
  void unknownKindsAndBadWeightsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("swaps"));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("transfers=x"));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse(""));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("transfers,transfers"));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("transfers=0"));
  }
}
