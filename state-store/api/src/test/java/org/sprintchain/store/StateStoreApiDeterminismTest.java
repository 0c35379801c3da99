package org.sprintchain.store;

import org.junit.jupiter.api.Test;
import org.sprintchain.archrules.DeterminismRules;

class StateStoreApiDeterminismTest {
  @Test
  void apiIsDeterministicCore() {
    DeterminismRules.assertDeterministicCore("org.sprintchain.store");
  }
}
