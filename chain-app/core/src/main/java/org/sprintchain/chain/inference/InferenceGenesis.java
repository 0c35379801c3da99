package org.sprintchain.chain.inference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.genesis.GenesisFields;
import org.sprintchain.chain.state.WorkingState;

/**
 * The optional {@code app_state.inference} section: the market's params and the model registry.
 *
 * <pre>
 * "inference": {"params": {"timeout_blocks": 10, ...docs/inference.md §1...},
 *               "models": [{"model_id": "synthetic", "architecture": "synthetic-v1",
 *                           "weights_sha256": "64 hex", "price_per_unit": 2,
 *                           "max_input_bytes": 1024}]}
 * </pre>
 *
 * A chain with this section must have the sprint section too: executors and auditors are the
 * registered sprint workers, weighted by their verified work, and their deposits back the
 * penalties. A {@code minilm-l6-v2-int8} entry must pin the weights bundled with the chain
 * (otherwise no node could re-execute a disputed job).
 */
public record InferenceGenesis(InferenceParams params, List<ModelEntry> models) {
  static final int MAX_MODELS = 64;

  public InferenceGenesis {
    models = List.copyOf(models);
  }

  /**
   * Parses and validates the section at {@code path}.
   *
   * @throws GenesisException naming the bad field
   */
  public static InferenceGenesis parse(JsonNode node, String path) throws GenesisException {
    GenesisFields.requireFields(node, path, List.of("params", "models"));
    InferenceParams params = InferenceJson.parseParams(node.get("params"), path + ".params");
    JsonNode list = node.get("models");
    if (!list.isArray() || list.isEmpty() || list.size() > MAX_MODELS) {
      throw new GenesisException(
          path + ".models", "must be an array of 1 to " + MAX_MODELS + " models");
    }
    List<ModelEntry> models = new ArrayList<>();
    SortedSet<String> seen = new TreeSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + ".models[" + i + "]";
      ModelEntry m = model(list.get(i), at);
      if (!seen.add(m.modelId())) {
        throw new GenesisException(at + ".model_id", "duplicate model id '" + m.modelId() + "'");
      }
      // Re-execution must fit one block: a unit count is at most max_input_bytes + 2 ([CLS] and
      // [SEP] around the WordPiece tokens; one input byte gives at most one token).
      if (params.reexecutionBudgetPerBlock() < m.maxInputBytes() + 2L) {
        throw new GenesisException(
            path + ".params.reexecution_budget_per_block",
            "must be at least max_input_bytes + 2 of every model ("
                + (m.maxInputBytes() + 2L)
                + " for "
                + m.modelId()
                + ")");
      }
      models.add(m);
    }
    return new InferenceGenesis(params, models);
  }

  private static ModelEntry model(JsonNode node, String at) throws GenesisException {
    GenesisFields.requireFields(
        node,
        at,
        List.of("model_id", "architecture", "weights_sha256", "price_per_unit", "max_input_bytes"));
    String id = GenesisFields.text(node, at, "model_id");
    if (!id.matches(ModelEntry.ID_PATTERN)) {
      throw new GenesisException(at + ".model_id", "must match " + ModelEntry.ID_PATTERN);
    }
    String archName = GenesisFields.text(node, at, "architecture");
    Architecture arch =
        Architecture.ofId(archName)
            .orElseThrow(
                () ->
                    new GenesisException(
                        at + ".architecture",
                        "unknown '" + archName + "' (synthetic-v1, minilm-l6-v2-int8)"));
    String hex = GenesisFields.text(node, at, "weights_sha256");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new GenesisException(at + ".weights_sha256", "must be 64 lower-case hex digits");
    }
    long price = GenesisFields.num(node, at, "price_per_unit");
    if (price < 1) {
      throw new GenesisException(at + ".price_per_unit", "must be at least 1");
    }
    long maxInput = GenesisFields.num(node, at, "max_input_bytes");
    if (maxInput < 1 || maxInput > ModelEntry.MAX_INPUT_LIMIT) {
      throw new GenesisException(
          at + ".max_input_bytes", "must be in [1, " + ModelEntry.MAX_INPUT_LIMIT + "]");
    }
    if (arch == Architecture.MINILM_L6_V2_INT8) {
      String bundled = ModelRuntime.bundledMiniLmWeightsHex();
      if (!bundled.equals(hex)) {
        throw new GenesisException(
            at + ".weights_sha256",
            "does not match the minilm weights this chain re-executes with (" + bundled + ")");
      }
    }
    return new ModelEntry(id, arch, HexFormat.of().parseHex(hex), price, Math.toIntExact(maxInput));
  }

  /** Stages the params, the registry and nothing else (no job, no ledger until the first use). */
  public void stage(WorkingState state) {
    InferenceState s = InferenceState.of(state);
    s.putParams(params);
    s.putModels(models);
  }
}
