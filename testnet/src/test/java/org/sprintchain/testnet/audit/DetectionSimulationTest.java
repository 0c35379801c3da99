package org.sprintchain.testnet.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionSimulationTest {
  @Test
  void monteCarloAgreesWithTheExactFormulaOnASmallCase() {
    // W = 50, k = 5: F = 1, 3, 10 give exact detection 10%, 26.7%, 68.9%, far from 0 and 1.
    List<DetectionEstimate> list = DetectionSimulation.run(50, 5, 2_000, 200, 500, 2_000);
    assertEquals(List.of(1L, 3L, 10L), list.stream().map(DetectionEstimate::fakes).toList());
    for (DetectionEstimate e : list) {
      assertTrue(e.agrees(), e + " rate " + e.rate() + " exact " + e.exact() + " " + e.interval());
    }
    assertEquals(0.1, list.get(0).exact(), 1e-12);
  }

  @Test
  void moreFakesAreCaughtMoreOften() {
    List<DetectionEstimate> list = DetectionSimulation.run(200, 10, 500, 100, 500, 2_000);
    assertTrue(list.get(0).detected() < list.get(1).detected());
    assertTrue(list.get(1).detected() < list.get(2).detected());
  }

  @Test
  void openingEveryLeafCatchesEveryCheater() {
    DetectionEstimate e = DetectionSimulation.run(20, 50, 100, 100).getFirst();
    assertEquals(1, e.fakes());
    assertEquals(100, e.detected());
    assertEquals(1.0, e.exact());
  }

  @Test
  void trialsAreDeterministic() {
    assertEquals(
        DetectionSimulation.run(300, 20, 200, 500), DetectionSimulation.run(300, 20, 200, 500));
  }

  @Test
  void refusesEmptyInputs() {
    assertThrows(IllegalArgumentException.class, () -> DetectionSimulation.run(0, 5, 10, 500));
    assertThrows(IllegalArgumentException.class, () -> DetectionSimulation.run(10, 5, 0, 500));
  }
}
