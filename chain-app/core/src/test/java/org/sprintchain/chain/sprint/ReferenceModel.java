package org.sprintchain.chain.sprint;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.model.LayerDispute;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.ScalarBackend;
import org.sprintchain.model.SprintModel;

/**
 * The CPU reference model as the tests' workers and auditors run it, with the weights and scores of
 * each (seed, key) cached: every test chain uses the same block hashes, so the same seeds.
 */
final class ReferenceModel {
  static final ModelParams MODEL = ModelParams.TINY;
  private static final SortedMap<String, SprintModel> MODELS = new TreeMap<>();
  private static final SortedMap<String, List<NonceDigest>> SCORES = new TreeMap<>();

  private ReferenceModel() {}

  static synchronized SprintModel load(byte[] seed) {
    return MODELS.computeIfAbsent(hex(seed), s -> new ScalarBackend().load(MODEL, seed));
  }

  /** Digests of nonces {@code 0 … count-1} for the worker key {@code pubkey}. */
  static synchronized List<NonceDigest> score(byte[] seed, byte[] pubkey, int count) {
    String key = hex(seed) + "/" + hex(pubkey);
    List<NonceDigest> cached = SCORES.get(key);
    if (cached == null || cached.size() < count) {
      cached = load(seed).score(pubkey, new NonceRange(0, count)).toList();
      SCORES.put(key, cached);
    }
    return cached.subList(0, count);
  }

  /** The true digest of one nonce. */
  static byte[] digest(byte[] seed, byte[] pubkey, long nonce) {
    synchronized (ReferenceModel.class) {
      List<NonceDigest> cached = SCORES.get(hex(seed) + "/" + hex(pubkey));
      if (cached != null && nonce >= 0 && nonce < cached.size()) {
        return cached.get((int) nonce).digest();
      }
    }
    return trace(seed, pubkey, nonce).digest();
  }

  static synchronized ModelTrace trace(byte[] seed, byte[] pubkey, long nonce) {
    return load(seed).recompute(pubkey, nonce);
  }

  /** The residual stream whose hash is layer hash {@code hashIndex} (0 = after the embedding). */
  static int[] residual(byte[] seed, byte[] pubkey, long nonce, int hashIndex) {
    int[] x = LayerDispute.embedding(MODEL, seed, pubkey, nonce);
    for (int layer = 0; layer < hashIndex; layer++) {
      x = LayerDispute.evaluateLayer(MODEL, seed, layer, x, Long.MAX_VALUE).residualOut();
    }
    return x;
  }

  /** The layer hashes with entry {@code i} replaced by {@code replacement}. */
  static List<byte[]> tampered(List<byte[]> hashes, int i, byte[] replacement) {
    List<byte[]> out = new ArrayList<>(hashes);
    out.set(i, replacement);
    return out;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
