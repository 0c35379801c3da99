package org.sprintchain.chain.sprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.genesis.GenesisFields;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.WorkerId;

/**
 * The optional {@code app_state.sprint} section: params and the workers registered at genesis.
 *
 * <pre>
 * "sprint": {"params": {...docs/protocol.md §1...},
 *            "workers": [{"operator": "spr1...", "consensus_pub_key": "base64 ed25519"}]}
 * </pre>
 *
 * Each genesis worker's deposit comes out of its operator's genesis balance. The validator set of
 * CometBFT's genesis stands until the first sprint that passes {@code min_workers}.
 */
public record SprintGenesis(SprintParams params, List<GenesisWorker> workers) {
  public SprintGenesis {
    workers = List.copyOf(workers);
  }

  /** A worker registered at genesis. */
  public record GenesisWorker(Address operator, byte[] consensusKey) {}

  /** A genesis validator as InitChain lists it. */
  public record GenesisValidator(byte[] pubKey, long power) {}

  public static SprintGenesis parse(JsonNode node, String path) throws GenesisException {
    GenesisFields.requireFields(node, path, List.of("params", "workers"));
    SprintParams params = SprintParamsJson.fromJson(node.get("params"), path + ".params");
    if (params.revealBlocks() < 3) {
      // The proposer of the audit seed block is sampled from the next block's hash, which it
      // learns when that block commits; its reveal can land one block later at the earliest.
      throw new GenesisException(
          path + ".params.reveal_blocks",
          "must be at least 3 (the audit seed block's proposer can reveal two blocks later)");
    }
    JsonNode list = node.get("workers");
    if (!list.isArray()) {
      throw new GenesisException(path + ".workers", "must be an array");
    }
    List<GenesisWorker> workers = new ArrayList<>();
    SortedMap<Address, Integer> seen = new TreeMap<>();
    SortedMap<WorkerId, Integer> keys = new TreeMap<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + ".workers[" + i + "]";
      JsonNode w = list.get(i);
      GenesisFields.requireFields(w, at, List.of("operator", "consensus_pub_key"));
      Address operator;
      byte[] key;
      try {
        operator = Address.parse(w.get("operator").asText());
      } catch (IllegalArgumentException e) {
        throw new GenesisException(at + ".operator", e.getMessage());
      }
      try {
        key = Base64.getDecoder().decode(w.get("consensus_pub_key").asText());
      } catch (IllegalArgumentException e) {
        throw new GenesisException(at + ".consensus_pub_key", "not base64");
      }
      if (key.length != 32) {
        throw new GenesisException(at + ".consensus_pub_key", "must be 32 bytes (ed25519)");
      }
      if (seen.putIfAbsent(operator, i) != null) {
        throw new GenesisException(
            at + ".operator", "duplicate of workers[" + seen.get(operator) + "]");
      }
      if (keys.putIfAbsent(WorkerId.of(key), i) != null) {
        throw new GenesisException(at + ".consensus_pub_key", "duplicate key");
      }
      workers.add(new GenesisWorker(operator, key));
    }
    return new SprintGenesis(params, workers);
  }

  /**
   * Stages params, workers (debiting each deposit from the operator) and the genesis validator set.
   *
   * @throws GenesisException when an operator's genesis balance does not cover the deposit
   */
  public void stage(WorkingState state, List<GenesisValidator> validators) throws GenesisException {
    SprintState sprint = SprintState.of(state);
    sprint.putParams(params);
    long deposit = params.slash().workerDeposit();
    for (int i = 0; i < workers.size(); i++) {
      GenesisWorker w = workers.get(i);
      Account account = state.account(w.operator());
      if (account.balance() < deposit) {
        throw new GenesisException(
            "app_state.sprint.workers[" + i + "].operator",
            "balance " + account.balance() + " does not cover the worker deposit " + deposit);
      }
      state.putAccount(w.operator(), account.debit(deposit));
      sprint.putWorker(w.operator(), new WorkerRecord(w.consensusKey(), deposit, -1, 0, 0));
      sprint.putOperatorOfKey(w.consensusKey(), w.operator());
      sprint.addWorkerToList(w.operator());
    }
    SortedMap<WorkerId, Long> set = new TreeMap<>();
    for (GenesisValidator v : validators) {
      set.put(WorkerId.of(v.pubKey()), v.power());
    }
    sprint.putValidators(set);
  }
}
