package org.sprintchain.store.schema;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Turns a typed key or value into the bytes the state holds, and back. The bytes are consensus data
 * (they are hashed into the app hash), so an encoding must be deterministic and must never change
 * once a chain uses it.
 *
 * <p>A key serializer must also be injective, and order-preserving if iteration order matters:
 * entries come back in unsigned byte order of the encoded key. {@link #uint64()}, {@link
 * #fixedBytes} and {@link #utf8()} (code point order) are.
 */
public interface Serializer<T> {

  byte[] toBytes(T value);

  /**
   * @throws IllegalArgumentException when the bytes are not a valid encoding
   */
  T fromBytes(byte[] bytes);

  /** Raw bytes, copied both ways so neither side can change the other's array. */
  static Serializer<byte[]> bytes() {
    return of(byte[]::clone, byte[]::clone);
  }

  /** Raw bytes of exactly {@code length} bytes. */
  static Serializer<byte[]> fixedBytes(int length) {
    Function<byte[], byte[]> checked =
        b -> {
          if (b.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes, got " + b.length);
          }
          return b.clone();
        };
    return of(checked, checked);
  }

  /** A long as 8 bytes big-endian: unsigned order of the bytes is unsigned order of the values. */
  static Serializer<Long> uint64() {
    return of(
        v -> ByteBuffer.allocate(Long.BYTES).putLong(v).array(),
        b -> {
          if (b.length != Long.BYTES) {
            throw new IllegalArgumentException("expected 8 bytes, got " + b.length);
          }
          return ByteBuffer.wrap(b).getLong();
        });
  }

  /** Text as UTF-8; malformed bytes are rejected rather than replaced. */
  static Serializer<String> utf8() {
    return of(
        s -> s.getBytes(StandardCharsets.UTF_8),
        b -> {
          try {
            return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b))
                .toString();
          } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("malformed UTF-8", e);
          }
        });
  }

  /** A serializer from a pair of functions. */
  static <T> Serializer<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
    return new Serializer<>() {
      @Override
      public byte[] toBytes(T value) {
        return encode.apply(value);
      }

      @Override
      public T fromBytes(byte[] bytes) {
        return decode.apply(bytes);
      }
    };
  }
}
