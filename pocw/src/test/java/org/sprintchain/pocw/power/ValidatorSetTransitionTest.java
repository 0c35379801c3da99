package org.sprintchain.pocw.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.power.ValidatorSetTransition.Result;
import org.sprintchain.pocw.power.ValidatorSetTransition.Update;

class ValidatorSetTransitionTest {
  private static final SortedMap<org.sprintchain.pocw.WorkerId, Long> GENESIS =
      VotingPowerPolicyTest.work(10, 10, 10, 10);

  @Test
  void tooFewPassingWorkersKeepThePreviousSet() {
    Result r = ValidatorSetTransition.settle(GENESIS, VotingPowerPolicyTest.work(5, 5), 3);
    assertFalse(r.replaced());
    assertEquals(GENESIS, r.next());
    assertEquals(List.of(), r.updates());
  }

  @Test
  void anEmptySprintNeverEmptiesTheSet() {
    Result r = ValidatorSetTransition.settle(GENESIS, VotingPowerPolicyTest.work(0, 0, 0, 0), 1);
    assertFalse(r.replaced());
    assertEquals(GENESIS, r.next());
  }

  @Test
  void updatesRemoveChangeAndAddSortedByKey() {
    // Workers 0 and 1 keep power 10 and 30; 2 and 3 drop out; 4 joins.
    SortedMap<org.sprintchain.pocw.WorkerId, Long> proposed =
        VotingPowerPolicyTest.work(10, 30, 0, 0, 7);
    Result r = ValidatorSetTransition.settle(GENESIS, proposed, 3);
    assertTrue(r.replaced());
    assertEquals(3, r.next().size());
    assertEquals(
        Stream.of(
                new Update(PocwTestData.worker(1), 30),
                new Update(PocwTestData.worker(2), 0),
                new Update(PocwTestData.worker(3), 0),
                new Update(PocwTestData.worker(4), 7))
            .sorted((x, y) -> x.key().compareTo(y.key()))
            .toList(),
        r.updates());
    for (int i = 1; i < r.updates().size(); i++) {
      assertTrue(r.updates().get(i - 1).key().compareTo(r.updates().get(i).key()) < 0);
    }
  }

  @Test
  void anUnchangedSetNeedsNoUpdates() {
    Result r = ValidatorSetTransition.settle(GENESIS, GENESIS, 4);
    assertTrue(r.replaced());
    assertEquals(List.of(), r.updates());
  }
}
