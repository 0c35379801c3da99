package org.sprintchain.chain.sprint;

import static org.sprintchain.chain.genesis.GenesisFields.intNum;
import static org.sprintchain.chain.genesis.GenesisFields.num;
import static org.sprintchain.chain.genesis.GenesisFields.requireFields;
import static org.sprintchain.chain.genesis.GenesisFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.EmissionParams;
import org.sprintchain.pocw.InvalidParamsException;
import org.sprintchain.pocw.SlashParams;
import org.sprintchain.pocw.SprintParams;

/**
 * {@link SprintParams} as JSON: the genesis {@code app_state.sprint.params} object, the stored form
 * (key {@code 0x17}, written with a fixed field order so its bytes are canonical) and the {@code
 * /sprint/params} answer. Field names are those of docs/protocol.md §1; the target is 64 hex
 * digits.
 */
public final class SprintParamsJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of(
          "epoch_length",
          "generation_blocks",
          "commit_deadline",
          "reveal_blocks",
          "audit_blocks",
          "model_preset",
          "difficulty_target",
          "max_power_share_bps",
          "samples_per_worker",
          "auditors_per_worker",
          "jail_epochs",
          "emission",
          "slash",
          "min_workers",
          "dispute_budget_per_block");

  private SprintParamsJson() {}

  public static ObjectNode toJson(SprintParams p) {
    ObjectNode out = JSON.createObjectNode();
    out.put("epoch_length", p.epochLength());
    out.put("generation_blocks", p.generationBlocks());
    out.put("commit_deadline", p.commitDeadline());
    out.put("reveal_blocks", p.revealBlocks());
    out.put("audit_blocks", p.auditBlocks());
    out.put("model_preset", p.modelPreset());
    out.put("difficulty_target", p.difficultyTarget().hex());
    out.put("max_power_share_bps", p.maxPowerShareBps());
    out.put("samples_per_worker", p.samplesPerWorker());
    out.put("auditors_per_worker", p.auditorsPerWorker());
    out.put("jail_epochs", p.jailEpochs());
    ObjectNode emission = out.putObject("emission");
    emission.put("initial_per_epoch", p.emission().initialPerEpoch());
    emission.put("halving_epochs", p.emission().halvingEpochs());
    ObjectNode slash = out.putObject("slash");
    slash.put("worker_deposit", p.slash().workerDeposit());
    slash.put("fraud_slash_bps", p.slash().fraudSlashBps());
    slash.put("missed_reveal_slash_bps", p.slash().missedRevealSlashBps());
    slash.put("dispute_bond", p.slash().disputeBond());
    slash.put("challenger_reward_bps", p.slash().challengerRewardBps());
    out.put("min_workers", p.minWorkers());
    out.put("dispute_budget_per_block", p.disputeBudgetPerBlock());
    return out;
  }

  static byte[] encode(SprintParams p) {
    return toJson(p).toString().getBytes(StandardCharsets.UTF_8);
  }

  static SprintParams decode(byte[] bytes) {
    try {
      return fromJson(JSON.readTree(bytes), "sprint.params");
    } catch (java.io.IOException | GenesisException e) {
      throw new IllegalStateException("stored sprint params are unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * Parses and validates, naming the bad field under {@code path}.
   *
   * @throws GenesisException for a missing, unknown, mistyped or out-of-range field
   */
  public static SprintParams fromJson(JsonNode node, String path) throws GenesisException {
    requireFields(node, path, FIELDS);
    JsonNode e = node.get("emission");
    requireFields(e, path + ".emission", List.of("initial_per_epoch", "halving_epochs"));
    JsonNode s = node.get("slash");
    requireFields(
        s,
        path + ".slash",
        List.of(
            "worker_deposit",
            "fraud_slash_bps",
            "missed_reveal_slash_bps",
            "dispute_bond",
            "challenger_reward_bps"));
    try {
      return new SprintParams(
          num(node, path, "epoch_length"),
          num(node, path, "generation_blocks"),
          num(node, path, "commit_deadline"),
          num(node, path, "reveal_blocks"),
          num(node, path, "audit_blocks"),
          text(node, path, "model_preset"),
          target(node, path),
          intNum(node, path, "max_power_share_bps"),
          intNum(node, path, "samples_per_worker"),
          intNum(node, path, "auditors_per_worker"),
          num(node, path, "jail_epochs"),
          new EmissionParams(
              num(e, path + ".emission", "initial_per_epoch"),
              num(e, path + ".emission", "halving_epochs")),
          new SlashParams(
              num(s, path + ".slash", "worker_deposit"),
              intNum(s, path + ".slash", "fraud_slash_bps"),
              intNum(s, path + ".slash", "missed_reveal_slash_bps"),
              num(s, path + ".slash", "dispute_bond"),
              intNum(s, path + ".slash", "challenger_reward_bps")),
          intNum(node, path, "min_workers"),
          num(node, path, "dispute_budget_per_block"));
    } catch (InvalidParamsException ex) {
      String field = ex.field().replaceFirst("^sprint\\.", path + ".");
      throw new GenesisException(field, ex.getMessage().replaceFirst("^[^:]*: ", ""));
    }
  }

  private static DifficultyTarget target(JsonNode node, String path) throws GenesisException {
    String hex = text(node, path, "difficulty_target");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new GenesisException(path + ".difficulty_target", "must be 64 lower-case hex digits");
    }
    return DifficultyTarget.ofHex(hex);
  }
}
