package org.sprintchain.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sprintchain.client.ProofVerificationException;
import org.sprintchain.client.ProvenAnswer;

/** How {@code query ... --prove} reports a verified answer, or refuses an unverified one. */
final class ProofOutput {
  static final String TRUST_NOTE =
      "note:  the header is taken from the node; its validator signatures are not checked"
          + " (no light client yet)";

  private ProofOutput() {}

  /**
   * Prints the verified answer, its height and the proof line, or only the reason on stderr.
   *
   * @return 0 when verified, 1 when not
   */
  static <T> int print(
      CliContext ctx, Supplier<ProvenAnswer<T>> query, Consumer<ProvenAnswer<T>> printValue) {
    ProvenAnswer<T> proven;
    try {
      proven = query.get();
    } catch (ProofVerificationException e) {
      ctx.err().println("sprint: error: proof NOT verified: " + e.getMessage());
      return SprintCli.FAILED;
    }
    printValue.accept(proven);
    ctx.out().println("height: " + proven.height());
    ctx.out()
        .println(
            "proof: verified against app hash "
                + proven.appHashHex()
                + " (header of block "
                + proven.headerHeight()
                + ")");
    ctx.out().println(TRUST_NOTE);
    return SprintCli.OK;
  }
}
