package org.sprintchain.chain.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainTestData;

class VerifiedTxCacheTest {
  private final TxDecoder decoder = new TxDecoder(ChainTestData.MAX_TX_BYTES);

  @Test
  void secondDecodeOfSameBytesReturnsTheVerifiedTx() throws TxRejectedException {
    VerifiedTxCache cache = new VerifiedTxCache(4);
    byte[] raw = ChainTestData.send(1, 0, 1, 2, 10);
    Transaction first = cache.decode(decoder, raw);
    assertSame(first, cache.decode(decoder, raw.clone()));
    assertArrayEquals(decoder.decode(raw).hash(), first.hash());
  }

  @Test
  void rejectionsAreNotCachedAndStayRejected() {
    VerifiedTxCache cache = new VerifiedTxCache(4);
    byte[] raw = ChainTestData.send(1, 0, 1, 2, 10);
    raw[raw.length - 1] ^= 1; // breaks the signature
    for (int i = 0; i < 2; i++) {
      TxRejectedException e =
          assertThrows(TxRejectedException.class, () -> cache.decode(decoder, raw));
      assertEquals(RejectReason.BAD_SIGNATURE, e.reason());
    }
    assertEquals(0, cache.size());
  }

  @Test
  void cachedTxStillFailsASmallerSizeLimit() throws TxRejectedException {
    VerifiedTxCache cache = new VerifiedTxCache(4);
    byte[] raw = ChainTestData.send(1, 0, 1, 2, 10);
    cache.decode(decoder, raw);
    TxRejectedException e =
        assertThrows(
            TxRejectedException.class, () -> cache.decode(new TxDecoder(raw.length - 1), raw));
    assertEquals(RejectReason.OVERSIZED, e.reason());
  }

  @Test
  void evictsOldestBeyondCapacity() throws TxRejectedException {
    VerifiedTxCache cache = new VerifiedTxCache(2);
    byte[] a = ChainTestData.send(1, 0, 1, 2, 10);
    Transaction first = cache.decode(decoder, a);
    cache.decode(decoder, ChainTestData.send(1, 1, 1, 2, 10));
    cache.decode(decoder, ChainTestData.send(1, 2, 1, 2, 10));
    assertEquals(2, cache.size());
    assertNotSame(first, cache.decode(decoder, a));
  }
}
