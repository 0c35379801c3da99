package org.sprintchain.pocw.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

/**
 * What an auditor puts in MsgAuditResult for one sampled leaf: not the digest it recomputed but a
 * commitment to it bound to its own id,
 *
 * <pre>report = SHA-256("sprintchain/pocw/v1/report" ‖ 0x00 ‖ len(auditor) ‖ auditor ‖
 *                   u64be(leaf_index) ‖ digest)</pre>
 *
 * The worker's reveal shows only the leaf hash, which hides the digest, so during the audit window
 * nobody but the worker knows it: an auditor that did not recompute cannot report, and cannot copy
 * another auditor's report (it names the other auditor). After the window the worker publishes the
 * digests, and the chain checks each report with {@link #matches}.
 */
public final class AuditReport {
  private static final byte[] DOMAIN =
      "sprintchain/pocw/v1/report\0".getBytes(StandardCharsets.US_ASCII);

  private AuditReport() {}

  /**
   * The report of {@code auditor} for leaf {@code index} whose recomputed digest is {@code digest}.
   */
  public static byte[] of(WorkerId auditor, long index, byte[] digest) {
    if (digest.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("digest: " + digest.length + " bytes, not 32");
    }
    return Sha256.of(DOMAIN, auditor.lengthPrefixed(), BigEndian.u64(index), digest);
  }

  /** True when {@code report} is {@code auditor}'s report of {@code digest} at {@code index}. */
  public static boolean matches(byte[] report, WorkerId auditor, long index, byte[] digest) {
    return MessageDigest.isEqual(report, of(auditor, index, digest));
  }
}
