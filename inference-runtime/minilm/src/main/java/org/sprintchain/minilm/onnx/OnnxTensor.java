package org.sprintchain.minilm.onnx;

import java.util.Arrays;

/**
 * One initializer of an ONNX graph, normalised to raw little-endian bytes whatever field the file
 * used ({@code raw_data}, {@code float_data}, {@code int32_data}, {@code int64_data}), so that
 * every consumer reads values the same way.
 *
 * @param name the initializer name
 * @param dataType the ONNX {@code TensorProto.DataType} code, e.g. {@link #FLOAT}
 * @param dims the shape
 * @param raw the elements, little-endian, {@link #elementSize(int)} bytes each
 */
public record OnnxTensor(String name, int dataType, long[] dims, byte[] raw) {
  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT8 = 3;
  public static final int INT32 = 6;
  public static final int INT64 = 7;

  /** Bytes per element of {@code dataType}; rejects types the encoder never needs. */
  public static int elementSize(int dataType) {
    return switch (dataType) {
      case UINT8, INT8 -> 1;
      case FLOAT, INT32 -> 4;
      case INT64 -> 8;
      default -> throw new IllegalArgumentException("unsupported ONNX tensor type " + dataType);
    };
  }

  /** Number of elements from the shape (1 for a scalar). */
  public long elementCount() {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Fails unless the tensor has {@code type} and exactly the shape {@code expected}. */
  public OnnxTensor require(int type, long... expected) {
    if (dataType != type || !Arrays.equals(dims, expected)) {
      throw new IllegalArgumentException(
          "tensor "
              + name
              + " is type "
              + dataType
              + " "
              + Arrays.toString(dims)
              + ", expected type "
              + type
              + " "
              + Arrays.toString(expected));
    }
    return this;
  }

  /** The single element of a one-element uint8 tensor (a quantisation zero point). */
  public int scalarUint8() {
    require(UINT8, dims);
    if (raw.length != 1) {
      throw new IllegalArgumentException("tensor " + name + " is not a scalar");
    }
    return raw[0] & 0xFF;
  }
}
