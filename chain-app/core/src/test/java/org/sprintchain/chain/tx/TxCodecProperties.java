package org.sprintchain.chain.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.TxBody;

class TxCodecProperties {
  private static final TxDecoder DECODER = new TxDecoder(65536);

  @Provide
  Arbitrary<TxBody> bodies() {
    Arbitrary<Msg> sends =
        Combinators.combine(
                Arbitraries.integers().between(0, 50),
                Arbitraries.longs().filter(amount -> amount != 0))
            .as((to, amount) -> ChainTestData.sendMsg(ChainTestData.address(to), amount));
    return Combinators.combine(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
            Arbitraries.longs(),
            Arbitraries.longs(),
            sends.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (chainId, sequence, fee, msgs) ->
                TxBody.newBuilder()
                    .setChainId(chainId)
                    .setSequence(sequence)
                    .setFee(fee)
                    .addAllMsgs(msgs)
                    .build());
  }

  @Property(tries = 200)
  void signThenDecodeGivesTheSameBodyAndSigner(
      @ForAll("bodies") TxBody body, @ForAll @IntRange(min = 0, max = 20) int keySeed)
      throws TxRejectedException {
    Ed25519.KeyPair key = ChainTestData.key(keySeed);
    byte[] raw = TxSigner.sign(key, body);
    Transaction tx = DECODER.decode(raw);
    assertEquals(key.address(), tx.signer());
    assertEquals(
        body.toBuilder()
            .setSignerPubKey(com.google.protobuf.ByteString.copyFrom(key.publicKey()))
            .build(),
        tx.body());
    assertEquals(List.of(raw.length), List.of(tx.size()));
  }

  /** No single-bit corruption yields a valid tx from the same signer with the same body. */
  @Property(tries = 12)
  void everySingleBitFlipIsRejected(
      @ForAll("bodies") TxBody body, @ForAll @IntRange(min = 0, max = 20) int keySeed)
      throws TxRejectedException {
    byte[] raw = TxSigner.sign(ChainTestData.key(keySeed), body);
    Transaction original = DECODER.decode(raw);
    Address signer = original.signer();
    for (int bit = 0; bit < raw.length * 8; bit++) {
      byte[] flipped = raw.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        Transaction decoded = DECODER.decode(flipped);
        assertFalse(
            decoded.signer().equals(signer) && decoded.body().equals(original.body()),
            "bit " + bit + " flipped still gives the same signed tx");
      } catch (TxRejectedException expected) {
        // the usual outcome: not canonical, or the signature no longer verifies
      }
    }
  }
}
