package org.sprintchain.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact proof encoding. Empty siblings are common below the dense top of the tree, so they
 * are marked in a bitmap instead of spelled out; a proof at 10M keys stays well under 1 KB.
 *
 * <pre>
 * kind        1 byte    1 membership, 2 absent (empty subtree), 3 absent (other leaf)
 * depth       2 bytes   big-endian, 0..256: number of siblings
 * keyHash     32 bytes  kinds 2 and 3 only: SHA-256 of the key the proof is about
 * otherLeaf   64 bytes  kind 3 only: key hash and value hash of the leaf on the path
 * bitmap      ceil(depth/8) bytes, bit i (MSB first) set when sibling i is not empty;
 *             unused bits zero
 * siblings    32 bytes per set bit, root side first
 * </pre>
 *
 * Decoding is strict (no trailing bytes, no stray bitmap bits, no all-zero sibling marked present)
 * so every proof has exactly one encoding.
 */
final class ProofCodec {
  private static final int HASH = 32;
  private static final int MAX_DEPTH = 256;

  private ProofCodec() {}

  static byte[] encode(Proof proof) {
    int depth = proof.depth();
    byte[] bitmap = new byte[(depth + 7) >>> 3];
    List<byte[]> present = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      byte[] sibling = proof.sibling(i);
      if (!isZero(sibling)) {
        bitmap[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        present.add(sibling);
      }
    }
    int extra =
        switch (proof.kind()) {
          case MEMBERSHIP -> 0;
          case ABSENT_EMPTY -> HASH;
          case ABSENT_OTHER_LEAF -> 3 * HASH;
        };
    ByteBuffer buf = ByteBuffer.allocate(3 + extra + bitmap.length + present.size() * HASH);
    buf.put((byte) proof.kind().code).putShort((short) depth);
    proof.absentKeyHash().ifPresent(buf::put);
    proof.otherKeyHash().ifPresent(buf::put);
    proof.otherValueHash().ifPresent(buf::put);
    buf.put(bitmap);
    present.forEach(buf::put);
    return buf.array();
  }

  static Proof decode(byte[] bytes) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      int kind = buf.get();
      int depth = Short.toUnsignedInt(buf.getShort());
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("proof depth " + depth + " exceeds 256");
      }
      byte[] keyHash = kind == 2 || kind == 3 ? take(buf) : null;
      byte[] otherKey = kind == 3 ? take(buf) : null;
      byte[] otherValue = kind == 3 ? take(buf) : null;
      List<byte[]> siblings = readSiblings(buf, depth);
      if (buf.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after proof");
      }
      return switch (kind) {
        case 1 -> Proof.membership(siblings);
        case 2 -> Proof.absentEmpty(keyHash, siblings);
        case 3 -> Proof.absentOtherLeaf(keyHash, otherKey, otherValue, siblings);
        default -> throw new IllegalArgumentException("unknown proof kind " + kind);
      };
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated proof", e);
    }
  }

  private static List<byte[]> readSiblings(ByteBuffer buf, int depth) {
    byte[] bitmap = new byte[(depth + 7) >>> 3];
    buf.get(bitmap);
    if ((depth & 7) != 0 && (bitmap[bitmap.length - 1] & (0xFF >>> (depth & 7))) != 0) {
      throw new IllegalArgumentException("stray bits after the last sibling in the bitmap");
    }
    List<byte[]> siblings = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      if ((bitmap[i >>> 3] & (0x80 >>> (i & 7))) == 0) {
        siblings.add(new byte[HASH]);
      } else {
        byte[] sibling = take(buf);
        if (isZero(sibling)) {
          throw new IllegalArgumentException("empty sibling " + i + " must not be spelled out");
        }
        siblings.add(sibling);
      }
    }
    return siblings;
  }

  private static byte[] take(ByteBuffer buf) {
    byte[] out = new byte[HASH];
    buf.get(out);
    return out;
  }

  private static boolean isZero(byte[] hash) {
    for (byte b : hash) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
