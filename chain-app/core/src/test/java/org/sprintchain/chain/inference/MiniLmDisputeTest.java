package org.sprintchain.chain.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sprintchain.chain.inference.InferenceChain.DEPOSIT;
import static org.sprintchain.chain.inference.InferenceChain.FEE;
import static org.sprintchain.chain.inference.InferenceChain.PAYER;
import static org.sprintchain.chain.inference.InferenceChain.assertAllOk;
import static org.sprintchain.chain.inference.InferenceChain.request;
import static org.sprintchain.chain.inference.InferenceChain.result;
import static org.sprintchain.chain.inference.InferenceChain.text;
import static org.sprintchain.chain.inference.InferenceChain.verdict;
import static org.sprintchain.chain.inference.InferenceMarketTest.hasEvent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.exec.Event;

/**
 * A minilm job answered with the byzantine {@code wrong-output} (one flipped bit, a digest that
 * matches it) is caught by its audit and settled by the chain re-executing all-MiniLM-L6-v2 inside
 * FinalizeBlock ({@code ModelRuntime.execute} with the weights the registry pins). One auditor
 * colludes with the cheat and one recomputes honestly, so the verdicts tie and only the chain's own
 * output can decide. MiniLM runs twice in all: the honest output here, and the chain's
 * re-execution.
 */
class MiniLmDisputeTest {
  private static final String MINILM = "minilm";
  private static final long PRICE_PER_TOKEN = 10;
  private static final int MAX_INPUT = 256;
  private static final byte[] SENTENCE =
      text("Validators must recompute every sampled inference job bit for bit.");

  /** The WordPiece ids of {@link #SENTENCE}, [CLS] and [SEP] included: what the chain bills. */
  private static final long TOKENS = 16;

  /**
   * SHA-256 of the sentence's L2-normalised Q30 embedding ({@code
   * MiniLmEncoder.encodeNormalized(..).digestHex()}). It pins the honest answer independently of
   * the code under test, so a re-execution that drifts fails here rather than agreeing with itself.
   */
  private static final String EMBEDDING_DIGEST =
      "56eb4862a8973866d440dc279586b5fcc826d31ba9cccbb73adc6c3af6135fd6";

  private static final long FEE_OF_JOB = TOKENS * PRICE_PER_TOKEN; // 160
  private static final long AUDITOR_SHARE = (FEE_OF_JOB - FEE_OF_JOB * 8000 / 10_000) / 2; // 16

  private static final ModelEntry MODEL =
      new ModelEntry(
          MINILM,
          Architecture.MINILM_L6_V2_INT8,
          HexFormat.of().parseHex(ModelRuntime.bundledMiniLmWeightsHex()),
          PRICE_PER_TOKEN,
          MAX_INPUT);

  /** Five workers (two get jailed), every answered job audited, the minilm model registered. */
  private static InferenceChain minilmChain() {
    ObjectNode appState = InferenceChain.appState(5, p -> p.put("audit_rate_bps", 10_000));
    ((ArrayNode) appState.get("inference").get("models"))
        .addObject()
        .put("model_id", MINILM)
        .put("architecture", "minilm-l6-v2-int8")
        .put("weights_sha256", ModelRuntime.bundledMiniLmWeightsHex())
        .put("price_per_unit", PRICE_PER_TOKEN)
        .put("max_input_bytes", MAX_INPUT);
    return InferenceChain.start(appState);
  }

  @Test
  void aWrongEmbeddingIsSettledByTheChainReExecutingMiniLm() {
    byte[] honest = ModelRuntime.execute(MODEL, SENTENCE);
    byte[] honestDigest = ModelRuntime.digest(honest);
    assertEquals(EMBEDDING_DIGEST, HexFormat.of().formatHex(honestDigest));
    assertEquals(TOKENS, ModelRuntime.units(MODEL, SENTENCE));
    byte[] wrong = honest.clone();
    wrong[0] ^= 1;
    byte[] wrongDigest = ModelRuntime.digest(wrong);

    InferenceChain chain = minilmChain();
    long payerBefore = InferenceChain.BALANCE;

    // job 0: the cheat answers wrongly, one auditor colludes, the other contradicts it
    assertAllOk(chain.block(chain.tx(PAYER, request(MINILM, SENTENCE, 1000))));
    chain.block();
    Ed25519.KeyPair cheat = chain.executorOf(0);
    long cheatBefore = chain.balance(cheat.address());
    assertAllOk(chain.block(chain.tx(cheat, result(0, wrong, wrongDigest, TOKENS))));
    assertEquals(FEE_OF_JOB, chain.job(0).get("fee").asLong());
    assertEquals(payerBefore - FEE - FEE_OF_JOB, chain.balance(PAYER.address()));
    chain.block();
    assertEquals("AUDITING", chain.status(0));
    List<Ed25519.KeyPair> auditors = chain.auditorsOf(0);
    assertEquals(2, auditors.size());
    Ed25519.KeyPair colluder = auditors.get(0);
    Ed25519.KeyPair honestAuditor = auditors.get(1);
    long colluderBefore = chain.balance(colluder.address());
    long honestAuditorBefore = chain.balance(honestAuditor.address());
    chain.assertConserved();

    BlockResult decided =
        chain.block(
            chain.tx(colluder, verdict(0, wrongDigest)),
            chain.tx(honestAuditor, verdict(0, honestDigest)));
    assertAllOk(decided);
    assertEquals("resolved", blockEvent(decided, "inference_dispute").get("status"));
    assertEquals("auditors", blockEvent(decided, "inference_dispute").get("winner"));
    assertEquals("fraud", blockEvent(decided, "inference_refund").get("reason"));
    assertEquals("FRAUD", chain.status(0), "decided in the verdicts' own block");
    assertEquals(payerBefore - FEE, chain.balance(PAYER.address()), "the whole fee refunded");
    assertEquals(DEPOSIT / 2, chain.deposit(cheat.address()), "fraud_slash_bps of the deposit");
    assertEquals(cheatBefore - FEE, chain.balance(cheat.address()), "the cheat earns nothing");
    assertEquals(DEPOSIT / 2, chain.deposit(colluder.address()), "agreeing with a cheat");
    assertEquals(colluderBefore - FEE, chain.balance(colluder.address()));
    assertEquals(DEPOSIT, chain.deposit(honestAuditor.address()));
    assertEquals(
        honestAuditorBefore - FEE + AUDITOR_SHARE,
        chain.balance(honestAuditor.address()),
        "paid its share out of the cheat's slash");
    assertEquals(DEPOSIT / 2 + DEPOSIT / 2 - AUDITOR_SHARE, chain.burned());
    assertEquals(1, jailedThrough(chain, cheat), "jailed through epoch 0 + jail_epochs");
    assertEquals(1, jailedThrough(chain, colluder));
    assertEquals(-1, jailedThrough(chain, honestAuditor));
    assertEquals(1, stat(chain, cheat, "frauds"));
    assertEquals(1, stat(chain, colluder, "false_verdicts"));
    assertEquals(0, ledger(chain, "escrowed"));
    assertEquals(0, ledger(chain, "disputes_queued"));
    chain.assertConserved();

    // job 1: the same sentence answered honestly by a worker still eligible, settled by its audit
    long payerBeforeHonest = chain.balance(PAYER.address());
    assertAllOk(chain.block(chain.tx(PAYER, request(MINILM, SENTENCE, 1000))));
    chain.block();
    Ed25519.KeyPair executor = chain.executorOf(1);
    List<Address> jailed = List.of(cheat.address(), colluder.address());
    assertFalse(jailed.contains(executor.address()), "a jailed worker is never drawn");
    assertAllOk(chain.block(chain.tx(executor, result(1, honest, honestDigest, TOKENS))));
    chain.block();
    List<Ed25519.KeyPair> secondAuditors = chain.auditorsOf(1);
    assertEquals(2, secondAuditors.size());
    secondAuditors.forEach(a -> assertFalse(jailed.contains(a.address())));
    long executorBefore = chain.balance(executor.address());
    long[] secondBefore = {
      chain.balance(secondAuditors.get(0).address()), chain.balance(secondAuditors.get(1).address())
    };
    BlockResult settled =
        chain.block(
            chain.tx(secondAuditors.get(0), verdict(1, honestDigest)),
            chain.tx(secondAuditors.get(1), verdict(1, honestDigest)));
    assertAllOk(settled);
    assertFalse(hasEvent(settled, "inference_dispute"), "agreeing verdicts re-execute nothing");
    assertEquals("DONE", chain.status(1));
    assertEquals(payerBeforeHonest - FEE - FEE_OF_JOB, chain.balance(PAYER.address()));
    assertEquals(
        executorBefore + FEE_OF_JOB - 2 * AUDITOR_SHARE, chain.balance(executor.address()));
    for (int i = 0; i < 2; i++) {
      assertEquals(
          secondBefore[i] - FEE + AUDITOR_SHARE, chain.balance(secondAuditors.get(i).address()));
    }
    assertEquals(DEPOSIT, chain.deposit(executor.address()));
    assertEquals(1, stat(chain, executor, "done"));
    assertEquals(0, ledger(chain, "escrowed"));
    chain.assertConserved();
  }

  /** The attributes of the block-level event {@code type} (there must be exactly one). */
  private static Map<String, String> blockEvent(BlockResult r, String type) {
    List<Event> matching = r.events().stream().filter(e -> e.type().equals(type)).toList();
    assertEquals(1, matching.size(), type + " events: " + matching);
    Map<String, String> out = new TreeMap<>();
    matching.get(0).attributes().forEach(a -> out.put(a.key(), a.value()));
    return out;
  }

  private static long stat(InferenceChain chain, Ed25519.KeyPair worker, String field) {
    return chain.query("/inference/executor/" + worker.address()).get(field).asLong();
  }

  private static long jailedThrough(InferenceChain chain, Ed25519.KeyPair worker) {
    return chain.query("/worker/" + worker.address()).get("jailed_through").asLong();
  }

  private static long ledger(InferenceChain chain, String field) {
    return chain.query("/inference/ledger").get(field).asLong();
  }
}
