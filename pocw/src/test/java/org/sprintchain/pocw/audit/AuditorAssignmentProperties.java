package org.sprintchain.pocw.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditorAssignment.Candidate;

class AuditorAssignmentProperties {
  @Property(tries = 300)
  void neverSelfDistinctSizedAndOrderIndependent(
      @ForAll @Size(min = 1, max = 40)
          List<@LongRange(min = 0, max = Long.MAX_VALUE / 64) Long> works,
      @ForAll @IntRange(min = 1, max = 8) int perWorker,
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll Random random) {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < works.size(); i++) {
      cs.add(new Candidate(PocwTestData.worker(i), works.get(i)));
    }
    SortedMap<WorkerId, List<WorkerId>> a =
        new AuditorAssignment(PocwTestData.seed(seed), cs).assignAll(perWorker);
    Collections.shuffle(cs, random);
    assertEquals(a, new AuditorAssignment(PocwTestData.seed(seed), cs).assignAll(perWorker));
    for (var e : a.entrySet()) {
      List<WorkerId> auditors = e.getValue();
      assertEquals(Math.min(perWorker, works.size() - 1), auditors.size());
      assertEquals(auditors.size(), new TreeSet<>(auditors).size());
      assertFalse(auditors.contains(e.getKey()));
    }
  }
}
