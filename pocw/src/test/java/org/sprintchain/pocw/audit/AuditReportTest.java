package org.sprintchain.pocw.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

class AuditReportTest {
  private static final WorkerId A = PocwTestData.worker(1);
  private static final WorkerId B = PocwTestData.worker(2);
  private static final byte[] D = PocwTestData.hash("digest");

  @Test
  void isTheDocumentedHash() {
    byte[] expected =
        Sha256.of(
            "sprintchain/pocw/v1/report".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 20},
            A.bytes(),
            BigEndian.u64(5),
            D);
    assertArrayEquals(expected, AuditReport.of(A, 5, D));
  }

  @Test
  void bindsAuditorIndexAndDigest() {
    byte[] r = AuditReport.of(A, 5, D);
    assertTrue(AuditReport.matches(r, A, 5, D));
    assertFalse(AuditReport.matches(r, B, 5, D));
    assertFalse(AuditReport.matches(r, A, 6, D));
    assertFalse(AuditReport.matches(r, A, 5, PocwTestData.hash("other")));
    assertThrows(IllegalArgumentException.class, () -> AuditReport.of(A, 5, new byte[31]));
  }
}
