package org.sprintchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.InferenceClient;
import org.sprintchain.client.InferenceTxs;
import org.sprintchain.client.Keyring;
import org.sprintchain.client.ModelInfo;
import org.sprintchain.client.RpcException;

/** {@code bin/sprint infer}: sign a paid request, send it to a node's OpenAI-compatible API. */
final class InferCommand extends LeafCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN_VALUES = 6;

  @Override
  public String name() {
    return "infer";
  }

  @Override
  public String summary() {
    return "pay for an embedding through a node's OpenAI-compatible API; prints it and a receipt";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint infer --model M --input TEXT --from KEY [--max-fee F] [--fee F]
                                [--node URL] [--http URL] [--timeout S] [--receipt-out FILE]
                                [--json] [--home H]

        Signs a MsgInferenceRequest for model M and input TEXT with the key KEY (the key never
        leaves this machine: the signed tx is the authorisation), posts it to the node's
        POST /v1/embeddings and waits for the job to settle. Prints the embedding's dimension,
        first values and output digest, and the receipt (request and result txs, heights,
        executor, fee, refund, audit status). Exits 1 when the API answers an error.

        Options:
          --model M          a model id of /inference/models (bin/sprint query ... or GET /v1/models)
          --input TEXT       the text to embed
          --from KEY         name of the paying key in H/keys
          --max-fee F        the most the job may cost (default: price x (max_input_bytes + 2),
                             the most any input of the model can bill); the rest is refunded
          --fee F            tx fee (default: the chain's min_fee param)
          --node URL         CometBFT RPC for chain id, sequence and prices (default: node0 of the
                             local testnet, else http://127.0.0.1:26657)
          --http URL         the node's inference API (default: node0 of the local testnet, whose
                             node i serves it on base port + 10*i + 3, else http://127.0.0.1:26659)
          --timeout S        seconds to wait for the answer (default 90; the node waits up to its
                             --http-timeout for the job)
          --receipt-out FILE write the receipt JSON to FILE (for bin/sprint verify-receipt)
          --json             print the API's whole JSON answer instead of the summary
          --home H           key home (default: the local testnet folder, <repo>/.testnet)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of(
        "model",
        "input",
        "from",
        "max-fee",
        "fee",
        "node",
        "http",
        "timeout",
        "receipt-out",
        "home");
  }

  @Override
  Set<String> flags() {
    return Set.of("json");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Keyring keyring = ctx.keyring(args);
    String modelId = args.required("model");
    String input = args.required("input");
    Ed25519.KeyPair key = keyring.keyPair(args.required("from"));
    long timeout = args.longOption("timeout").orElse(90L);
    URI api = ctx.inferenceApi(args);
    byte[] tx;
    try (CometRpcClient rpc = new CometRpcClient(ctx.node(args))) {
      InferenceClient inference = new InferenceClient(rpc);
      ChainQueries queries = new ChainQueries(rpc);
      ModelInfo model =
          inference.models().stream()
              .filter(m -> m.modelId().equals(modelId))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no model '"
                              + modelId
                              + "' on chain (known: "
                              + inference.models().stream()
                                  .map(ModelInfo::modelId)
                                  .collect(Collectors.joining(", "))
                              + ")"));
      long maxFee =
          args.longOption("max-fee")
              .orElseGet(() -> Math.multiplyExact(model.pricePerUnit(), model.maxUnits()));
      if (maxFee <= 0) {
        throw new UsageException("--max-fee must be > 0, got " + maxFee);
      }
      long fee = args.longOption("fee").orElseGet(() -> queries.params().minFee());
      long sequence = queries.account(key.address()).sequence();
      tx =
          InferenceTxs.signRequest(
              key,
              rpc.status().network(),
              sequence,
              fee,
              modelId,
              input.getBytes(StandardCharsets.UTF_8),
              maxFee);
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("model", modelId);
    body.put("input", input);
    body.put("sprint_signed_tx", Base64.getEncoder().encodeToString(tx));
    Answer answer = post(api.resolve("/v1/embeddings"), body, Duration.ofSeconds(timeout));
    JsonNode receipt = answer.json().path("receipt");
    if (args.option("receipt-out").isPresent() && receipt.isObject()) {
      writeReceipt(Path.of(args.option("receipt-out").get()), receipt);
    }
    if (args.flag("json")) {
      ctx.out().println(answer.json().toPrettyString());
    } else if (answer.status() == 200) {
      printEmbedding(ctx, answer.json());
    }
    if (answer.status() != 200) {
      JsonNode error = answer.json().path("error");
      ctx.err()
          .println(
              "sprint: error: the inference API answered HTTP "
                  + answer.status()
                  + " ("
                  + error.path("code").asText()
                  + "): "
                  + error.path("message").asText()
                  + (error.has("request_id")
                      ? " [request id " + error.path("request_id").asText() + "]"
                      : ""));
      return SprintCli.FAILED;
    }
    if (!args.flag("json")) {
      printReceipt(ctx, receipt);
    }
    args.option("receipt-out").ifPresent(f -> ctx.out().println("receipt written to " + f));
    return SprintCli.OK;
  }

  record Answer(int status, JsonNode json) {}

  static Answer post(URI url, JsonNode body, Duration timeout) {
    try (HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build()) {
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build();
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json;
      try {
        json = JSON.readTree(response.body());
      } catch (IOException e) {
        throw new RpcException(
            "the inference API at "
                + url
                + " answered HTTP "
                + response.statusCode()
                + ", not JSON");
      }
      return new Answer(response.statusCode(), json == null ? JSON.createObjectNode() : json);
    } catch (ConnectException e) {
      throw new RpcException(
          "cannot connect to the inference API at "
              + url
              + " (is the node started with --http HOST:PORT?)",
          e);
    } catch (HttpTimeoutException e) {
      throw new RpcException(
          "the inference API at " + url + " did not answer within " + timeout.toSeconds() + " s",
          e);
    } catch (IOException e) {
      throw new RpcException("POST " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted while waiting for " + url, e);
    }
  }

  private static void printEmbedding(CliContext ctx, JsonNode answer) {
    JsonNode values = answer.path("data").path(0).path("embedding");
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN_VALUES, values.size()); i++) {
      first.append(i == 0 ? "" : ", ").append(values.get(i).asText());
    }
    ctx.out().println("model:         " + answer.path("model").asText());
    ctx.out().println("dimension:     " + values.size());
    ctx.out().println("first values:  [" + first + (values.size() > SHOWN_VALUES ? ", ...]" : "]"));
    ctx.out().println("output digest: " + answer.path("receipt").path("output_digest").asText());
    ctx.out().println("tokens:        " + answer.path("usage").path("prompt_tokens").asText());
  }

  static void printReceipt(CliContext ctx, JsonNode r) {
    JsonNode audit = r.path("audit");
    ctx.out().println("receipt:");
    ctx.out().println("  request id:  " + r.path("request_id").asText());
    ctx.out()
        .println(
            "  request tx:  "
                + r.path("request_tx").asText()
                + " (height "
                + r.path("request_height").asText()
                + ")");
    ctx.out()
        .println(
            "  result tx:   "
                + r.path("result_tx").asText()
                + " (height "
                + r.path("result_height").asText()
                + ")");
    ctx.out().println("  payer:       " + r.path("payer").asText());
    ctx.out().println("  executor:    " + r.path("executor").asText());
    ctx.out()
        .println(
            "  fee:         "
                + r.path("fee").asText()
                + " of max "
                + r.path("max_fee").asText()
                + " (refund "
                + r.path("refund").asText()
                + ")");
    ctx.out()
        .println(
            "  audit:       "
                + audit.path("status").asText()
                + (audit.path("sampled").asBoolean()
                    ? ", sampled, " + audit.path("verdicts").size() + " auditor(s)"
                    : ", not sampled"));
    for (JsonNode v : audit.path("verdicts")) {
      String verdict =
          v.path("digest").asText().isEmpty()
              ? "no verdict"
              : v.path("agrees").asBoolean() ? "agrees" : "DISAGREES";
      ctx.out().println("    " + v.path("auditor").asText() + ": " + verdict);
    }
  }

  private static void writeReceipt(Path file, JsonNode receipt) {
    try {
      Files.writeString(file, receipt.toPrettyString() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the receipt to " + file + ": " + e, e);
    }
  }
}
