package org.sprintchain.chain.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.genesis.GenesisParser;
import org.sprintchain.chain.genesis.GenesisState;

/** The {@code app_state.inference} section: every field validated, the bad one named. */
class InferenceGenesisTest {
  private static String refusal(Consumer<ObjectNode> tweak) {
    ObjectNode root = InferenceChain.appState(3, p -> {});
    tweak.accept(root);
    GenesisException e =
        assertThrows(GenesisException.class, () -> GenesisParser.parse(InferenceChain.bytes(root)));
    return e.getMessage();
  }

  private static ObjectNode params(ObjectNode root) {
    return (ObjectNode) root.get("inference").get("params");
  }

  private static ObjectNode model(ObjectNode root) {
    return (ObjectNode) root.get("inference").get("models").get(0);
  }

  @Test
  void aValidSectionParses() throws GenesisException {
    GenesisState g = GenesisParser.parse(InferenceChain.bytes(InferenceChain.appState(3, p -> {})));
    assertEquals(2, g.inference().orElseThrow().models().size());
    assertEquals(4, g.inference().orElseThrow().params().timeoutBlocks());
  }

  @Test
  void badFieldsAreNamed() {
    assertTrue(refusal(r -> r.remove("sprint")).contains("app_state.inference"));
    assertTrue(
        refusal(r -> params(r).put("timeout_blocks", 1))
            .contains("app_state.inference.params.timeout_blocks"));
    assertTrue(
        refusal(r -> params(r).put("audit_rate_bps", 10_001))
            .contains("app_state.inference.params.audit_rate_bps"));
    assertTrue(
        refusal(r -> params(r).put("audit_rate_bps", 5000).put("bad_history_audit_rate_bps", 10))
            .contains("bad_history_audit_rate_bps"));
    assertTrue(refusal(r -> params(r).put("auditors_per_job", 0)).contains("auditors_per_job"));
    assertTrue(refusal(r -> params(r).put("fraud_slash_bps", -1)).contains("fraud_slash_bps"));
    assertTrue(refusal(r -> params(r).remove("liveness_penalty")).contains("liveness_penalty"));
    assertTrue(refusal(r -> params(r).put("extra", 1)).contains("params.extra"));
    assertTrue(
        refusal(r -> params(r).put("reexecution_budget_per_block", 65))
            .contains("reexecution_budget_per_block"));
    assertTrue(refusal(r -> model(r).put("model_id", "Bad Id")).contains("models[0].model_id"));
    assertTrue(
        refusal(r -> model(r).put("architecture", "gpt-9")).contains("models[0].architecture"));
    assertTrue(
        refusal(r -> model(r).put("weights_sha256", "abc")).contains("models[0].weights_sha256"));
    assertTrue(refusal(r -> model(r).put("price_per_unit", 0)).contains("price_per_unit"));
    assertTrue(refusal(r -> model(r).put("max_input_bytes", 0)).contains("max_input_bytes"));
    assertTrue(
        refusal(r -> model(r).put("model_id", InferenceChain.PRICEY))
            .contains("models[1].model_id"));
    assertTrue(
        refusal(
                r ->
                    model(r)
                        .put("architecture", "minilm-l6-v2-int8")
                        .put("weights_sha256", "00".repeat(32)))
            .contains("does not match the minilm weights"));
  }

  @Test
  void theMiniLmEntryPinsTheBundledWeightsAndBillsTokens() throws GenesisException {
    ObjectNode root = InferenceChain.appState(3, p -> {});
    model(root)
        .put("architecture", "minilm-l6-v2-int8")
        .put("weights_sha256", ModelRuntime.bundledMiniLmWeightsHex());
    ModelEntry m =
        GenesisParser.parse(InferenceChain.bytes(root)).inference().orElseThrow().models().get(0);
    // [CLS] hello world [SEP]
    assertEquals(4, ModelRuntime.units(m, InferenceChain.text("Hello world")));
  }
}
