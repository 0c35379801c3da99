package org.sprintchain.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Hashes;

/**
 * Checks an {@link InferenceReceipt} against the chain, trusting the node only for the header:
 *
 * <ol>
 *   <li>the job record at the receipt's result height, with a Merkle proof against the app hash in
 *       the header of the next block ({@link ProvenQueries#job});
 *   <li>that record's payer, executor, model, heights, units, fee, max fee and output digest equal
 *       the receipt's;
 *   <li>the receipt's result tx is in the block at the result height, carries the executor's signed
 *       result for the job, and SHA-256 of its output is the proven digest;
 *   <li>the receipt's request tx is in the block at the request height and created this job.
 * </ol>
 */
public final class ReceiptVerifier {
  private final CometRpcClient rpc;
  private final Duration headerWait;

  public ReceiptVerifier(CometRpcClient rpc, Duration headerWait) {
    this.rpc = rpc;
    this.headerWait = headerWait;
  }

  /** One named check and what it found. */
  public record Check(String name, boolean ok, String detail) {}

  /**
   * The checks, in order; after a failed proof nothing else is checked.
   *
   * @param proven the proven record, empty when the proof failed
   * @param output the output from the result tx, empty when it was not found
   */
  public record Report(
      List<Check> checks, Optional<ProvenAnswer<InferenceJob>> proven, Optional<byte[]> output) {
    public Report {
      checks = List.copyOf(checks);
    }

    public boolean valid() {
      return checks.stream().allMatch(Check::ok);
    }
  }

  /**
   * Runs the checks.
   *
   * @throws RpcException when the node cannot be reached (not a verdict on the receipt)
   */
  public Report verify(InferenceReceipt receipt) {
    List<Check> checks = new ArrayList<>();
    ProvenAnswer<InferenceJob> proven;
    try {
      proven = new ProvenQueries(rpc, headerWait).job(receipt.requestId(), receipt.resultHeight());
    } catch (ProofVerificationException | ChainQueries.QueryException e) {
      checks.add(new Check("proof", false, e.getMessage()));
      return new Report(checks, Optional.empty(), Optional.empty());
    }
    checks.add(
        new Check(
            "proof",
            true,
            "job "
                + receipt.requestId()
                + " at height "
                + proven.height()
                + " verified against app hash "
                + proven.appHashHex()
                + " (header of block "
                + proven.headerHeight()
                + ")"));
    InferenceJob job = proven.value();
    checks.add(same("payer", receipt.payer(), job.payer()));
    checks.add(same("executor", receipt.executor(), job.executor()));
    checks.add(same("model", receipt.model(), job.modelId()));
    checks.add(same("request_height", receipt.requestHeight(), job.requestHeight()));
    checks.add(same("result_height", receipt.resultHeight(), job.resultHeight()));
    checks.add(same("units", receipt.units(), job.units()));
    checks.add(same("fee", receipt.fee(), job.fee()));
    checks.add(same("max_fee", receipt.maxFee(), job.maxFee()));
    checks.add(same("output_digest", receipt.outputDigest(), job.outputDigest()));
    Optional<byte[]> output = resultOutput(receipt, job, checks);
    requestTx(receipt, checks);
    return new Report(checks, Optional.of(proven), output);
  }

  private Optional<byte[]> resultOutput(
      InferenceReceipt receipt, InferenceJob job, List<Check> checks) {
    Optional<IncludedTx> tx = rpc.includedTx(receipt.resultTx());
    if (tx.isEmpty()) {
      checks.add(new Check("result_tx", false, "the node has no tx " + receipt.resultTx()));
      return Optional.empty();
    }
    if (tx.get().result().height() != job.resultHeight()) {
      checks.add(
          new Check(
              "result_tx",
              false,
              "tx "
                  + receipt.resultTx()
                  + " is in block "
                  + tx.get().result().height()
                  + ", not the proven result height "
                  + job.resultHeight()));
      return Optional.empty();
    }
    Optional<InferenceTxs.ResultMsg> msg = InferenceTxs.resultIn(tx.get().tx(), job.id());
    if (msg.isEmpty() || !tx.get().result().ok()) {
      checks.add(
          new Check(
              "result_tx",
              false,
              "tx " + receipt.resultTx() + " carries no accepted result for job " + job.id()));
      return Optional.empty();
    }
    if (!msg.get().signer().equals(job.executor())) {
      checks.add(
          new Check(
              "result_tx",
              false,
              "the result is signed by " + msg.get().signer() + ", not the executor"));
      return Optional.empty();
    }
    byte[] digest = Hashes.sha256(msg.get().output());
    String hex = HexFormat.of().formatHex(digest);
    boolean ok = hex.equals(job.outputDigest());
    checks.add(
        new Check(
            "output",
            ok,
            "SHA-256 of the "
                + msg.get().output().length
                + "-byte output in tx "
                + receipt.resultTx()
                + " is "
                + hex
                + (ok ? ", the proven digest" : ", not the proven " + job.outputDigest())));
    return ok ? Optional.of(msg.get().output()) : Optional.empty();
  }

  private void requestTx(InferenceReceipt receipt, List<Check> checks) {
    Optional<IncludedTx> tx = rpc.includedTx(receipt.requestTx());
    String id = Long.toString(receipt.requestId());
    boolean created =
        tx.isPresent()
            && tx.get().result().ok()
            && tx.get().result().height() == receipt.requestHeight()
            && tx.get().result().events().stream()
                .anyMatch(
                    e ->
                        e.type().equals("inference_request")
                            && e.attribute("id").map(id::equals).orElse(false));
    checks.add(
        new Check(
            "request_tx",
            created,
            created
                ? "tx "
                    + receipt.requestTx()
                    + " created job "
                    + id
                    + " in block "
                    + receipt.requestHeight()
                : "tx "
                    + receipt.requestTx()
                    + " is not the tx that created job "
                    + id
                    + " in block "
                    + receipt.requestHeight()));
  }

  private static Check same(String field, Object receipt, Object chain) {
    boolean ok = receipt.equals(chain);
    return new Check(
        field,
        ok,
        ok ? String.valueOf(chain) : "receipt says " + receipt + ", chain says " + chain);
  }
}
