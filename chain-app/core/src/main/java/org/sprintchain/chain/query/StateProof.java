package org.sprintchain.chain.query;

import java.util.Optional;

/**
 * Evidence that a query answer is part of the state the chain committed to: the raw store entry
 * behind the JSON answer and a Merkle proof of it (membership, or non-membership when {@code
 * rawValue} is empty) against the store root at the answer's height. That root is the app hash in
 * the header of the <em>next</em> block. Check it with {@code org.sprintchain.store.ProofVerifier}.
 */
public record StateProof(byte[] storeKey, Optional<byte[]> rawValue, byte[] proof) {
  /** ABCI ProofOp type of the Merkle proof. */
  public static final String PROOF_OP_TYPE = "sprint/smt/v1";

  /** ABCI ProofOp type that carries the raw stored value (empty data: the key is absent). */
  public static final String VALUE_OP_TYPE = "sprint/value/v1";

  public StateProof {
    storeKey = storeKey.clone();
    rawValue = rawValue.map(byte[]::clone);
    proof = proof.clone();
  }

  @Override
  public byte[] storeKey() {
    return storeKey.clone();
  }

  @Override
  public Optional<byte[]> rawValue() {
    return rawValue.map(byte[]::clone);
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }
}
