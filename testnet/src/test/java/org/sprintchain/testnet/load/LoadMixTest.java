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
  void inferenceIsRefusedUntilTheInferenceMarketExists() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LoadMix.parse("transfers=9,inference=1"));
    assertTrue(e.getMessage().contains("inference market"), e.getMessage());
  }

  @Test
  void unknownKindsAndBadWeightsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("swaps"));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse("transfers=x"));
    assertThrows(IllegalArgumentException.class, () -> LoadMix.parse(""));
  }
}
