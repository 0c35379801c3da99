package org.sprintchain.chain.tx;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.proto.tx.v1.SignedTx;
import org.sprintchain.proto.tx.v1.TxBody;

/** Signs transaction bodies. The signed message is a domain tag followed by the body bytes. */
public final class TxSigner {
  /** Separates tx signatures from any other ed25519 signature made with the same key. */
  static final byte[] DOMAIN_TAG = "sprintchain/tx/v1\0".getBytes(StandardCharsets.US_ASCII);

  private TxSigner() {}

  /** Returns the encoded SignedTx. {@code body.signer_pub_key} is set from {@code key}. */
  public static byte[] sign(Ed25519.KeyPair key, TxBody body) {
    TxBody withSigner =
        body.toBuilder().setSignerPubKey(ByteString.copyFrom(key.publicKey())).build();
    byte[] bodyBytes = withSigner.toByteArray();
    return SignedTx.newBuilder()
        .setBody(ByteString.copyFrom(bodyBytes))
        .setSignature(ByteString.copyFrom(key.sign(signBytes(bodyBytes))))
        .build()
        .toByteArray();
  }

  static byte[] signBytes(byte[] bodyBytes) {
    byte[] out = new byte[DOMAIN_TAG.length + bodyBytes.length];
    System.arraycopy(DOMAIN_TAG, 0, out, 0, DOMAIN_TAG.length);
    System.arraycopy(bodyBytes, 0, out, DOMAIN_TAG.length, bodyBytes.length);
    return out;
  }
}
