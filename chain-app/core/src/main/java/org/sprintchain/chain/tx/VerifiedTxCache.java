package org.sprintchain.chain.tx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.store.ByteKey;

/**
 * Remembers transactions that already passed {@link TxDecoder}, keyed by the SHA-256 of their raw
 * bytes. A tx is otherwise decoded and signature-checked up to five times (CheckTx, recheck,
 * PrepareProposal, ProcessProposal, FinalizeBlock), and ed25519 verification dominates the app's
 * CPU time.
 *
 * <p>Determinism: decoding is a pure function of the raw bytes and {@code max_tx_bytes}, so a hit
 * returns exactly what decoding again would return; the size limit is re-checked on every hit. Only
 * successes are cached, so a rejection is always recomputed. Eviction is first-in-first-out over a
 * bounded number of entries and never changes a result, only its cost.
 */
public final class VerifiedTxCache {
  private final Map<ByteKey, Transaction> entries;

  public VerifiedTxCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.entries =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<ByteKey, Transaction> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Decodes {@code raw} with {@code decoder}, or returns the earlier result for the same bytes. */
  public Transaction decode(TxDecoder decoder, byte[] raw) throws TxRejectedException {
    byte[] hash = Hashes.sha256(raw);
    ByteKey key = ByteKey.of(hash);
    Transaction cached = entries.get(key);
    if (cached != null && decoder.accepts(raw.length)) {
      return cached;
    }
    Transaction tx = decoder.decode(raw, hash);
    entries.put(key, tx);
    return tx;
  }

  public int size() {
    return entries.size();
  }
}
