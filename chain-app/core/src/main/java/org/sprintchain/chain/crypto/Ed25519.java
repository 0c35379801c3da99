package org.sprintchain.chain.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 signing and verification (RFC 8032, pure Ed25519) through Bouncy Castle. */
public final class Ed25519 {
  public static final int PUBLIC_KEY_LENGTH = 32;
  public static final int PRIVATE_KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;

  private Ed25519() {}

  /** A key pair held as its 32-byte private seed; the public key is derived from it. */
  public record KeyPair(byte[] privateKey, byte[] publicKey) {
    public KeyPair {
      privateKey = privateKey.clone();
      publicKey = publicKey.clone();
    }

    public static KeyPair fromPrivateKey(byte[] privateKey) {
      if (privateKey.length != PRIVATE_KEY_LENGTH) {
        throw new IllegalArgumentException("ed25519 private key must be 32 bytes");
      }
      byte[] pub = new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
      return new KeyPair(privateKey, pub);
    }

    @Override
    public byte[] privateKey() {
      return privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    public Address address() {
      return Address.fromPublicKey(publicKey);
    }

    public byte[] sign(byte[] message) {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
      signer.update(message, 0, message.length);
      return signer.generateSignature();
    }

    @Override
    public String toString() {
      return "KeyPair[" + address() + "]";
    }
  }

  /** True only for a well-formed 32-byte key and 64-byte signature that verifies. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      verifier.update(message, 0, message.length);
      return verifier.verifySignature(signature);
    } catch (IllegalArgumentException e) {
      return false; // not a point on the curve
    }
  }
}
