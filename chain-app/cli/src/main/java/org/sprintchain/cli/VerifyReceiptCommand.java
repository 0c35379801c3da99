package org.sprintchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.InferenceClient;
import org.sprintchain.client.InferenceJob;
import org.sprintchain.client.InferenceReceipt;
import org.sprintchain.client.ProvenQueries;
import org.sprintchain.client.ReceiptVerifier;
import org.sprintchain.client.RpcException;

/** {@code bin/sprint verify-receipt FILE}: check an inference receipt against the chain. */
final class VerifyReceiptCommand extends LeafCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "verify-receipt";
  }

  @Override
  public String summary() {
    return "check an inference receipt against the chain, with a Merkle proof of the job";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint verify-receipt FILE [--node URL] [--header-wait S] [--home H]

        Checks a receipt (as written by 'bin/sprint infer --receipt-out', or a whole
        /v1/embeddings answer) against the chain:
          proof           the job record at the receipt's result height, with a Merkle proof
                          verified here against the app hash in the header of the next block
          fields          payer, executor, model, heights, units, fee, max_fee and output_digest
                          of the proven record equal the receipt's
          output          the result tx is in the block at the result height, signed by the
                          executor, and SHA-256 of its output is the proven output_digest
          request_tx      the request tx is in the block at the request height and created the job
        Prints each check and a verdict; exit 0 when the receipt is valid, 1 when not. The header
        is taken from the node as is (its validator signatures are not checked: no light client
        yet). The job's status now (audits settle later) is printed for information.

        Arguments:
          FILE             the receipt JSON

        Options:
          --node URL       CometBFT RPC (default: node0 of the local testnet, else
                           http://127.0.0.1:26657)
          --header-wait S  seconds to wait for the next block's header (default 15)
          --home H         testnet folder for the default node (default: <repo>/.testnet)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("node", "home", "header-wait");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    Path file = Path.of(args.positionals("FILE").get(0));
    InferenceReceipt receipt = read(file);
    Duration wait =
        Duration.ofSeconds(
            args.longOption("header-wait").orElse(ProvenQueries.DEFAULT_HEADER_WAIT.toSeconds()));
    try (CometRpcClient rpc = new CometRpcClient(ctx.node(args))) {
      ReceiptVerifier.Report report = new ReceiptVerifier(rpc, wait).verify(receipt);
      for (ReceiptVerifier.Check c : report.checks()) {
        ctx.out()
            .println(
                String.format(
                    Locale.ROOT, "%-4s %-15s %s", c.ok() ? "ok" : "FAIL", c.name(), c.detail()));
      }
      try {
        InferenceJob now = new InferenceClient(rpc).job(receipt.requestId());
        ctx.out()
            .println(
                "job now: "
                    + now.status()
                    + (now.sampled() ? " (sampled for audit)" : " (not sampled)"));
      } catch (RpcException e) {
        ctx.out().println("job now: unknown (" + e.getMessage() + ")");
      }
      ctx.out().println(ProofOutput.TRUST_NOTE);
      if (report.valid()) {
        ctx.out().println("receipt VALID: job " + receipt.requestId() + " is as the receipt says");
        return SprintCli.OK;
      }
      ctx.out().println("receipt INVALID: see the FAIL lines above");
      return SprintCli.FAILED;
    }
  }

  static InferenceReceipt read(Path file) {
    JsonNode doc;
    try {
      doc = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read receipt " + file + ": " + e.getMessage(), e);
    }
    if (doc != null && doc.has("receipt")) {
      doc = doc.get("receipt");
    }
    try {
      return InferenceReceipt.fromJson(doc);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not a receipt: " + e.getMessage(), e);
    }
  }
}
