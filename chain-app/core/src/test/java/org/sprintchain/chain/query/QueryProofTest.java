package org.sprintchain.chain.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sprintchain.chain.ChainTestData.address;
import static org.sprintchain.chain.ChainTestData.commitBlock;
import static org.sprintchain.chain.ChainTestData.send;
import static org.sprintchain.chain.ChainTestData.startedChain;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.state.StateKeys;
import org.sprintchain.store.ProofVerifier;

class QueryProofTest {
  private static StateProof proofOf(QueryResult result) {
    assertEquals(0, result.code(), result.log());
    return result.proof().orElseThrow();
  }

  @Test
  void accountProofVerifiesAgainstTheAppHashOfThatHeight() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    byte[] rootAtOne = app.info().appHash();
    commitBlock(app, 0, send(0, 0, 1, 1, 10));

    StateProof latest = proofOf(app.query("/account/" + address(0), 0, true));
    assertArrayEquals(StateKeys.account(address(0)), latest.storeKey());
    assertTrue(
        ProofVerifier.verify(
            latest.proof(), latest.storeKey(), latest.rawValue(), app.info().appHash()));

    StateProof old = proofOf(app.query("/account/" + address(0), 1, true));
    assertTrue(ProofVerifier.verify(old.proof(), old.storeKey(), old.rawValue(), rootAtOne));
    assertFalse(
        ProofVerifier.verify(old.proof(), old.storeKey(), latest.rawValue(), rootAtOne),
        "the balance after block 2 must not verify against the root of block 1");
  }

  @Test
  void unknownAccountGetsANonMembershipProof() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    StateProof proof = proofOf(app.query("/account/" + address(9), 0, true));
    assertEquals(Optional.empty(), proof.rawValue());
    assertTrue(
        ProofVerifier.verify(
            proof.proof(), proof.storeKey(), Optional.empty(), app.info().appHash()));
  }

  @Test
  void paramsAreProvable() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    StateProof proof = proofOf(app.query("/params", 0, true));
    assertTrue(
        ProofVerifier.verify(
            proof.proof(), proof.storeKey(), proof.rawValue(), app.info().appHash()));
  }

  @Test
  void noProofUnlessAskedOrForDerivedAnswers() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    assertTrue(app.query("/account/" + address(0), 0, false).proof().isEmpty());
    assertTrue(app.query("/status", 0, true).proof().isEmpty());
    assertTrue(app.query("/account/spr1bad", 0, true).proof().isEmpty());
  }
}
