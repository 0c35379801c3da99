package org.sprintchain.pocw.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditorAssignment.Candidate;

class AuditorAssignmentTest {
  private static List<Candidate> candidates(long... works) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < works.length; i++) {
      out.add(new Candidate(PocwTestData.worker(i), works[i]));
    }
    return out;
  }

  @Test
  void aLoneWorkerHasNoAuditorsAndTwoAuditEachOther() {
    AuditorAssignment one = new AuditorAssignment(PocwTestData.seed(0), candidates(5));
    assertEquals(List.of(), one.auditorsOf(PocwTestData.worker(0), 3));
    AuditorAssignment two = new AuditorAssignment(PocwTestData.seed(0), candidates(5, 0));
    assertEquals(List.of(PocwTestData.worker(1)), two.auditorsOf(PocwTestData.worker(0), 3));
    assertEquals(List.of(PocwTestData.worker(0)), two.auditorsOf(PocwTestData.worker(1), 3));
  }

  @Test
  void refusesDuplicatesStrangersAndBadSeeds() {
    List<Candidate> dup = candidates(1, 2);
    dup.add(new Candidate(PocwTestData.worker(0), 9));
    assertThrows(IllegalArgumentException.class, () -> new AuditorAssignment(new byte[32], dup));
    assertThrows(
        IllegalArgumentException.class, () -> new AuditorAssignment(new byte[3], candidates(1)));
    AuditorAssignment a = new AuditorAssignment(new byte[32], candidates(1, 2));
    assertThrows(IllegalArgumentException.class, () -> a.auditorsOf(PocwTestData.worker(9), 1));
    assertThrows(IllegalArgumentException.class, () -> new Candidate(PocwTestData.worker(0), -1));
  }

  @Test
  void hugeWorksAreScaledIntoLongs() {
    AuditorAssignment a =
        new AuditorAssignment(
            PocwTestData.seed(0), candidates(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0));
    assertEquals(1, a.weightOf(PocwTestData.worker(3)));
    assertTrue(a.weightOf(PocwTestData.worker(0)) > 1L << 59);
    assertEquals(3, a.auditorsOf(PocwTestData.worker(3), 3).size());
  }

  /**
   * Worker 0 draws one auditor from workers 1..3 of work 1M, 2M and 7M; over 4000 seeds each is
   * drawn about 10%, 20%, 70% of the time (binomial standard deviations 19, 25, 29; bound 5σ).
   */
  @Test
  void auditorsAreDrawnInProportionToWork() {
    List<Candidate> cs = candidates(50_000_000, 1_000_000, 2_000_000, 7_000_000);
    int[] hits = new int[4];
    for (int t = 0; t < 4000; t++) {
      AuditorAssignment a = new AuditorAssignment(PocwTestData.seed(t), cs);
      WorkerId picked = a.auditorsOf(PocwTestData.worker(0), 1).get(0);
      for (int i = 0; i < 4; i++) {
        if (picked.equals(PocwTestData.worker(i))) {
          hits[i]++;
        }
      }
    }
    assertEquals(0, hits[0]);
    assertTrue(Math.abs(hits[1] - 400) < 95, "" + hits[1]);
    assertTrue(Math.abs(hits[2] - 800) < 125, "" + hits[2]);
    assertTrue(Math.abs(hits[3] - 2800) < 145, "" + hits[3]);
  }

  /** At genesis nobody has work: every other worker is equally likely. */
  @Test
  void withoutWorkTheDrawIsUniform() {
    List<Candidate> cs = candidates(0, 0, 0, 0, 0);
    int[] hits = new int[5];
    for (int t = 0; t < 4000; t++) {
      AuditorAssignment a = new AuditorAssignment(PocwTestData.seed(t), cs);
      for (WorkerId id : a.auditorsOf(PocwTestData.worker(4), 2)) {
        for (int i = 0; i < 5; i++) {
          if (id.equals(PocwTestData.worker(i))) {
            hits[i]++;
          }
        }
      }
    }
    assertEquals(0, hits[4]);
    for (int i = 0; i < 4; i++) {
      assertTrue(Math.abs(hits[i] - 2000) < 150, "" + hits[i]);
    }
  }

  @Test
  void assignAllCoversEveryWorker() {
    SortedMap<WorkerId, List<WorkerId>> all =
        new AuditorAssignment(PocwTestData.seed(1), candidates(1, 2, 3, 4, 5, 6)).assignAll(2);
    assertEquals(6, all.size());
    all.forEach(
        (w, auditors) -> {
          assertEquals(2, auditors.size());
          assertTrue(!auditors.contains(w));
        });
  }
}
