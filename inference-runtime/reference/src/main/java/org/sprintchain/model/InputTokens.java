package org.sprintchain.model;

import java.nio.charset.StandardCharsets;

/**
 * The tokens of one nonce. I = SHA-256("sprintchain/model/v1/input" || seed || le32(len(pubkey)) ||
 * pubkey || le64(nonce)); token t is word 0 of Philox4x32-10 with counter (t, 0, le32(I[8..12)),
 * le32(I[12..16))) and key (le32(I[0..4)), le32(I[4..8))), as unsigned, mod vocab. A worker cannot
 * choose its inputs: they are fixed by the seed, its key and the nonce.
 */
public final class InputTokens {
  static final byte[] DOMAIN = "sprintchain/model/v1/input".getBytes(StandardCharsets.US_ASCII);

  private InputTokens() {}

  /** The {@code params.seqLen()} token ids of ({@code seed}, {@code pubkey}, {@code nonce}). */
  public static int[] of(ModelParams params, byte[] seed, byte[] pubkey, long nonce) {
    byte[] key =
        Sha256.of(
            DOMAIN, seed, LittleEndian.int32(pubkey.length), pubkey, LittleEndian.int64(nonce));
    int k0 = LittleEndian.readInt(key, 0);
    int k1 = LittleEndian.readInt(key, 4);
    int c2 = LittleEndian.readInt(key, 8);
    int c3 = LittleEndian.readInt(key, 12);
    int[] words = new int[4];
    int[] tokens = new int[params.seqLen()];
    for (int t = 0; t < tokens.length; t++) {
      Philox4x32.block(t, 0, c2, c3, k0, k1, words);
      tokens[t] = Integer.remainderUnsigned(words[0], params.vocab());
    }
    return tokens;
  }
}
