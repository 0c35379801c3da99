package org.sprintchain.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SprintSettingsTest {
  @Test
  void heightsOneToBAreEpochZero() {
    SprintSettings s = new SprintSettings(50, SprintSettings.Preset.TINY);
    assertEquals(0, s.epochOf(1));
    assertEquals(0, s.epochOf(50));
    assertEquals(1, s.epochOf(51));
    assertEquals(51, s.firstHeightOf(1));
    assertEquals(0, s.epochOf(0));
  }

  @Test
  void presetsParseByTheirCommandLineNames() {
    assertEquals(SprintSettings.Preset.CPU_SMALL, SprintSettings.Preset.parse("cpu-small"));
    assertEquals(SprintSettings.Preset.TINY, SprintSettings.Preset.parse("TINY"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SprintSettings.Preset.parse("huge"));
    assertTrue(e.getMessage().contains("tiny, cpu-small"), e.getMessage());
  }

  @Test
  void refusesAnEpochLengthOutOfRange() {
    assertThrows(
        IllegalArgumentException.class, () -> new SprintSettings(0, SprintSettings.Preset.TINY));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SprintSettings(SprintSettings.MAX_EPOCH_LENGTH + 1, SprintSettings.Preset.TINY));
  }
}
