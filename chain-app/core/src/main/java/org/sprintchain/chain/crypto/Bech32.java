package org.sprintchain.chain.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * BIP-173 bech32 (the checksum Cosmos addresses use). Only what addresses need: encode 8-bit data
 * under a human-readable part, and decode it back with the checksum checked.
 */
public final class Bech32 {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  private Bech32() {}

  /** A decoded bech32 string: its human-readable part and its 8-bit payload. */
  public record Decoded(String hrp, byte[] data) {}

  public static String encode(String hrp, byte[] data) {
    byte[] fiveBit = convertBits(data, 8, 5, true);
    byte[] checksum = checksum(hrp, fiveBit);
    StringBuilder sb = new StringBuilder(hrp.length() + 1 + fiveBit.length + 6).append(hrp);
    sb.append('1');
    for (byte b : fiveBit) {
      sb.append(CHARSET.charAt(b));
    }
    for (byte b : checksum) {
      sb.append(CHARSET.charAt(b));
    }
    return sb.toString();
  }

  /**
   * Decodes {@code text}.
   *
   * @throws IllegalArgumentException with the reason when the string is not valid bech32
   */
  public static Decoded decode(String text) {
    if (text.length() < 8 || text.length() > 90) {
      throw new IllegalArgumentException("bech32 string has invalid length " + text.length());
    }
    if (!text.equals(text.toLowerCase(Locale.ROOT))
        && !text.equals(text.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("bech32 string mixes upper and lower case");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int sep = lower.lastIndexOf('1');
    if (sep < 1 || sep + 7 > lower.length()) {
      throw new IllegalArgumentException("bech32 separator '1' missing or misplaced");
    }
    String hrp = lower.substring(0, sep);
    byte[] values = new byte[lower.length() - sep - 1];
    for (int i = 0; i < values.length; i++) {
      int v = CHARSET.indexOf(lower.charAt(sep + 1 + i));
      if (v < 0) {
        throw new IllegalArgumentException(
            "bech32 has invalid character '" + lower.charAt(sep + 1 + i) + "'");
      }
      values[i] = (byte) v;
    }
    if (polymod(hrpExpand(hrp), values) != 1) {
      throw new IllegalArgumentException("bech32 checksum mismatch");
    }
    byte[] payload = new byte[values.length - 6];
    System.arraycopy(values, 0, payload, 0, payload.length);
    return new Decoded(hrp, convertBits(payload, 5, 8, false));
  }

  private static byte[] checksum(String hrp, byte[] data) {
    byte[] padded = new byte[data.length + 6];
    System.arraycopy(data, 0, padded, 0, data.length);
    int mod = polymod(hrpExpand(hrp), padded) ^ 1;
    byte[] out = new byte[6];
    for (int i = 0; i < 6; i++) {
      out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
    }
    return out;
  }

  private static byte[] hrpExpand(String hrp) {
    byte[] out = new byte[hrp.length() * 2 + 1];
    for (int i = 0; i < hrp.length(); i++) {
      out[i] = (byte) (hrp.charAt(i) >> 5);
      out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
    }
    return out;
  }

  private static int polymod(byte[] hrpPart, byte[] data) {
    int chk = 1;
    for (byte[] part : new byte[][] {hrpPart, data}) {
      for (byte v : part) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; i++) {
          if (((top >>> i) & 1) != 0) {
            chk ^= GENERATOR[i];
          }
        }
      }
    }
    return chk;
  }

  private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxv = (1 << to) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
    for (byte b : in) {
      int value = b & 0xff;
      if ((value >>> from) != 0) {
        throw new IllegalArgumentException("bech32 data value out of range");
      }
      acc = (acc << from) | value;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (to - bits)) & maxv);
      }
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
      throw new IllegalArgumentException("bech32 data has invalid padding");
    }
    return out.toByteArray();
  }
}
