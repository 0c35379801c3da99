package org.sprintchain.abci;

import com.google.protobuf.MessageLite;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The ABCI socket framing: an unsigned protobuf varint (uvarint, not zigzag) holding the body
 * length, then the body. This is what CometBFT's {@code protoio} delimited reader and writer use,
 * and what protobuf's own {@code writeDelimitedTo} produces.
 *
 * <p>Reads enforce a maximum body length. CometBFT itself accepts frames up to 2 GiB ({@code
 * math.MaxInt32} in {@code abci/types/messages.go}), which is more than a JVM array can hold and
 * far more than we ever need; the default here is {@link #DEFAULT_MAX_FRAME_BYTES}.
 */
public final class VarintFrameCodec {

  /**
   * 128 MiB: above CometBFT's hard cap on a block (100 MiB, {@code types.MaxBlockSizeBytes}) plus
   * the commit info and evidence that travel with it in {@code PrepareProposal} and {@code
   * FinalizeBlock}, and far above snapshot chunks (under 16 MiB by the ABCI spec).
   */
  public static final int DEFAULT_MAX_FRAME_BYTES = 128 << 20;

  /** A uint64 needs at most ten 7-bit groups. */
  private static final int MAX_VARINT_BYTES = 10;

  private final int maxFrameBytes;

  public VarintFrameCodec(int maxFrameBytes) {
    if (maxFrameBytes < 1) {
      throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /**
   * Reads one frame body.
   *
   * @return the body, or empty when the stream ended cleanly between frames
   * @throws EOFException if the stream ends inside a frame
   * @throws InvalidFrameException if the length prefix is malformed or exceeds the limit
   */
  public Optional<byte[]> readFrame(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      return Optional.empty();
    }
    long length = readUvarint(first, in);
    if (Long.compareUnsigned(length, maxFrameBytes) > 0) {
      throw new InvalidFrameException(
          "frame length " + Long.toUnsignedString(length) + " exceeds the limit " + maxFrameBytes);
    }
    // readNBytes grows its buffer as bytes arrive, so a peer that announces a large frame and
    // then sends nothing costs no memory.
    byte[] body = in.readNBytes((int) length);
    if (body.length != length) {
      throw new EOFException("stream ended after " + body.length + " of " + length + " bytes");
    }
    return Optional.of(body);
  }

  /** Writes {@code message} as one frame. Does not flush. */
  public static void writeFrame(OutputStream out, MessageLite message) throws IOException {
    writeUvarint(out, message.getSerializedSize());
    message.writeTo(out);
  }

  /** Writes {@code value} as an unsigned varint; negative values are read as uint64. */
  public static void writeUvarint(OutputStream out, long value) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  /**
   * Reads an unsigned varint.
   *
   * @throws EOFException if the stream ends before the varint does
   * @throws InvalidFrameException if the varint is longer than a uint64 allows
   */
  public static long readUvarint(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new EOFException("stream ended before a varint");
    }
    return readUvarint(first, in);
  }

  private static long readUvarint(int first, InputStream in) throws IOException {
    long value = 0;
    int b = first;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      if (i > 0) {
        b = in.read();
        if (b < 0) {
          throw new EOFException("stream ended inside a varint");
        }
      }
      // The tenth group has room for one bit only (64 = 9 * 7 + 1).
      if (i == MAX_VARINT_BYTES - 1 && b > 1) {
        throw new InvalidFrameException("varint overflows 64 bits");
      }
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new InvalidFrameException("varint longer than " + MAX_VARINT_BYTES + " bytes");
  }
}
