package org.sprintchain.chain.sprint;

import java.util.ArrayList;
import java.util.List;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;

/**
 * A worker node of the tests: its operator account is the address of its consensus key (key {@code
 * 100 + n} of {@link ChainTestData#key(int)}). It scores nonces {@code 0 … nonces-1}, and the flags
 * say which duties it skips.
 */
final class SimulatedWorker {
  final int n;
  final Ed25519.KeyPair key;
  final int nonces;

  /** The tree it commits to; null until set (then it does not commit). */
  WinnerTree tree;

  boolean reveals = true;
  boolean audits = true;
  boolean publishes = true;

  /** When set, its audit reports commit to a wrong digest (a false accusation). */
  boolean reportsWrongDigests;

  SimulatedWorker(int n, int nonces) {
    this.n = n;
    this.key = ChainTestData.key(100 + n);
    this.nonces = nonces;
  }

  Address address() {
    return key.address();
  }

  byte[] pubKey() {
    return key.publicKey();
  }

  List<NonceDigest> scored(byte[] seed) {
    return ReferenceModel.score(seed, pubKey(), nonces);
  }

  /** Its winning leaves for {@code seed}, by nonce. */
  List<WinnerLeaf> winners(byte[] seed, DifficultyTarget target) {
    List<WinnerLeaf> out = new ArrayList<>();
    for (NonceDigest d : scored(seed)) {
      if (target.wins(d.digest())) {
        out.add(new WinnerLeaf(d.nonce(), d.digest()));
      }
    }
    return out;
  }

  /** The first nonce whose digest does not win. */
  NonceDigest firstLoser(byte[] seed, DifficultyTarget target) {
    return scored(seed).stream().filter(d -> !target.wins(d.digest())).findFirst().orElseThrow();
  }

  /** Commits to every winner it found. */
  SimulatedWorker honest(byte[] seed, DifficultyTarget target) {
    tree = WinnerTree.of(winners(seed, target));
    return this;
  }

  @Override
  public String toString() {
    return "worker" + n;
  }
}
