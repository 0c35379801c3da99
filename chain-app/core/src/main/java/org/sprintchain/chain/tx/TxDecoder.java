package org.sprintchain.chain.tx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.Arrays;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.SignedTx;
import org.sprintchain.proto.tx.v1.TxBody;

/**
 * Stateless transaction checks: size, canonical protobuf encoding (so one tx has exactly one byte
 * form and one hash), well-formed fields, and the ed25519 signature over the body bytes.
 */
public final class TxDecoder {
  private final int maxTxBytes;

  public TxDecoder(int maxTxBytes) {
    this.maxTxBytes = maxTxBytes;
  }

  /** True when a tx of {@code size} bytes is within {@code max_tx_bytes}. */
  public boolean accepts(int size) {
    return size <= maxTxBytes;
  }

  public Transaction decode(byte[] raw) throws TxRejectedException {
    return decode(raw, Hashes.sha256(raw));
  }

  /** As {@link #decode(byte[])}, with the raw bytes' SHA-256 already computed by the caller. */
  Transaction decode(byte[] raw, byte[] rawHash) throws TxRejectedException {
    if (raw.length > maxTxBytes) {
      throw new TxRejectedException(
          RejectReason.OVERSIZED, raw.length + " bytes > max_tx_bytes " + maxTxBytes);
    }
    SignedTx signed = parseCanonical(raw);
    byte[] bodyBytes = signed.getBody().toByteArray();
    TxBody body = parseBody(signed.getBody());
    byte[] pubKey = body.getSignerPubKey().toByteArray();
    if (pubKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
      throw new TxRejectedException(
          RejectReason.UNDECODABLE, "signer_pub_key must be 32 bytes, got " + pubKey.length);
    }
    if (!Ed25519.verify(
        pubKey, TxSigner.signBytes(bodyBytes), signed.getSignature().toByteArray())) {
      throw new TxRejectedException(RejectReason.BAD_SIGNATURE, "ed25519 verification failed");
    }
    checkMessages(body);
    return new Transaction(raw.clone(), rawHash.clone(), body, Address.fromPublicKey(pubKey));
  }

  private static SignedTx parseCanonical(byte[] raw) throws TxRejectedException {
    try {
      SignedTx signed = SignedTx.parseFrom(raw);
      requireCanonical(signed, raw, "SignedTx");
      return signed;
    } catch (InvalidProtocolBufferException e) {
      throw new TxRejectedException(RejectReason.UNDECODABLE, "SignedTx: " + e.getMessage());
    }
  }

  private static TxBody parseBody(ByteString bytes) throws TxRejectedException {
    try {
      TxBody body = TxBody.parseFrom(bytes);
      requireCanonical(body, bytes.toByteArray(), "TxBody");
      return body;
    } catch (InvalidProtocolBufferException e) {
      throw new TxRejectedException(RejectReason.UNDECODABLE, "TxBody: " + e.getMessage());
    }
  }

  /** Unknown fields, reordered fields or non-minimal varints would give one tx many hashes. */
  private static void requireCanonical(Message parsed, byte[] raw, String what)
      throws TxRejectedException {
    if (!Arrays.equals(parsed.toByteArray(), raw)) {
      throw new TxRejectedException(
          RejectReason.UNDECODABLE, what + " is not canonically encoded (or has unknown fields)");
    }
  }

  private static void checkMessages(TxBody body) throws TxRejectedException {
    if (body.getMsgsCount() == 0) {
      throw new TxRejectedException(RejectReason.INVALID_MESSAGE, "tx has no messages");
    }
    for (int i = 0; i < body.getMsgsCount(); i++) {
      Msg msg = body.getMsgs(i);
      switch (msg.getSumCase()) {
        case SEND -> {
          if (msg.getSend().getTo().size() != Address.LENGTH) {
            throw new TxRejectedException(
                RejectReason.INVALID_MESSAGE, "msgs[" + i + "].send.to must be a 20-byte address");
          }
          if (msg.getSend().getAmount() == 0) {
            throw new TxRejectedException(
                RejectReason.INVALID_MESSAGE, "msgs[" + i + "].send.amount must be positive");
          }
        }
        case SUM_NOT_SET ->
            throw new TxRejectedException(
                RejectReason.INVALID_MESSAGE, "msgs[" + i + "] has no message set");
        default -> {
          // Sprint messages: their fields are checked by the sprint rules, which know the params.
        }
      }
    }
  }
}
