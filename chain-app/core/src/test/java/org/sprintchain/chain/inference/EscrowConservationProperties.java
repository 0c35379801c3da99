package org.sprintchain.chain.inference;

import static org.sprintchain.chain.inference.InferenceChain.PAYER;
import static org.sprintchain.chain.inference.InferenceChain.honestDigest;
import static org.sprintchain.chain.inference.InferenceChain.honestResult;
import static org.sprintchain.chain.inference.InferenceChain.request;
import static org.sprintchain.chain.inference.InferenceChain.verdict;
import static org.sprintchain.chain.inference.InferenceChain.wrongResult;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;

/**
 * Across random mixes of requests, honest and wrong results, silent executors (timeouts), honest
 * and lying auditors: after every block, payers + workers + deposits + fee pot + escrow + burned
 * equals the genesis supply.
 */
class EscrowConservationProperties {
  @Property(tries = 25)
  void noTokenIsCreatedOrLost(
      @ForAll @Size(min = 8, max = 20) List<@IntRange(min = 0, max = 99) Integer> choices,
      @ForAll @IntRange(min = 0, max = 10_000) int auditRate) {
    InferenceChain chain = InferenceChain.start(4, p -> p.put("audit_rate_bps", auditRate));
    chain.block();
    int c = 0;
    for (int step = 0; step < choices.size() + 12; step++) {
      int pick = choices.get(c++ % choices.size());
      List<byte[]> txs = new ArrayList<>();
      if (step < choices.size() && pick % 3 == 0) {
        byte[] input = InferenceChain.text("job " + step + " " + pick);
        txs.add(chain.tx(PAYER, request(input, 1 + pick * 3)));
      }
      long next = chain.query("/inference/ledger").get("next_id").asLong();
      for (long id = 0; id < next; id++) {
        JsonNode job = chain.job(id);
        byte[] input = java.util.Base64.getDecoder().decode(job.get("input").asText());
        int act = choices.get((int) ((id + step) % choices.size()));
        switch (job.get("status").asText()) {
          case "ASSIGNED" -> {
            if (act < 60) {
              txs.add(chain.tx(chain.executorOf(id), honestResult(id, input)));
            } else if (act < 75) {
              txs.add(chain.tx(chain.executorOf(id), wrongResult(id, input)));
            } // else silent: times out
          }
          case "AUDITING", "DISPUTED" -> {
            for (JsonNode a : job.get("audits")) {
              if (!a.get("verdict").asText().isEmpty()) {
                continue;
              }
              Ed25519.KeyPair auditor = chain.keyOf(a.get("auditor").asText());
              byte[] digest =
                  act < 80 ? honestDigest(input) : Hashes.sha256(InferenceChain.text("lie"));
              txs.add(chain.tx(auditor, verdict(id, digest)));
            }
          }
          default -> {}
        }
      }
      chain.block(txs);
      chain.assertConserved();
    }
  }
}
