package org.sprintchain.minilm.onnx;

import com.google.protobuf.CodedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A small reader for the ONNX protobuf schema (onnx.proto3): ModelProto → GraphProto → NodeProto
 * and TensorProto. Hand-written over {@link CodedInputStream} so the module needs no generated code
 * and no ONNX library; unknown fields are skipped, which is what protobuf compatibility promises.
 * Float fields are copied as raw bits and never decoded to a Java float.
 */
public final class OnnxModelReader {
  // Field numbers from onnx.proto3.
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_NAME = 3;
  private static final int NODE_OP_TYPE = 4;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_FLOAT_DATA = 4;
  private static final int TENSOR_INT32_DATA = 5;
  private static final int TENSOR_INT64_DATA = 7;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int TENSOR_DATA_LOCATION = 14;

  private static final int WIRE_VARINT = 0;
  private static final int WIRE_FIXED32 = 5;
  private static final int WIRE_LENGTH_DELIMITED = 2;

  private OnnxModelReader() {}

  /** Parses a serialized {@code ModelProto}. */
  public static OnnxGraph read(byte[] model) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(model);
      in.setSizeLimit(Integer.MAX_VALUE);
      OnnxGraph graph = null;
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        if (fieldOf(tag) == MODEL_GRAPH) {
          int limit = in.pushLimit(in.readRawVarint32());
          graph = readGraph(in);
          in.popLimit(limit);
        } else {
          in.skipField(tag);
        }
      }
      if (graph == null) {
        throw new IllegalArgumentException("ONNX model has no graph");
      }
      return graph;
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed ONNX model: " + e.getMessage(), e);
    }
  }

  private static OnnxGraph readGraph(CodedInputStream in) throws IOException {
    List<OnnxNode> nodes = new ArrayList<>();
    SortedMap<String, OnnxTensor> initializers = new TreeMap<>();
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      int field = fieldOf(tag);
      if (field == GRAPH_NODE || field == GRAPH_INITIALIZER) {
        int limit = in.pushLimit(in.readRawVarint32());
        if (field == GRAPH_NODE) {
          nodes.add(readNode(in));
        } else {
          OnnxTensor t = readTensor(in);
          if (initializers.put(t.name(), t) != null) {
            throw new IllegalArgumentException("duplicate initializer " + t.name());
          }
        }
        in.popLimit(limit);
      } else {
        in.skipField(tag);
      }
    }
    return new OnnxGraph(nodes, initializers);
  }

  private static OnnxNode readNode(CodedInputStream in) throws IOException {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String name = "";
    String opType = "";
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (fieldOf(tag)) {
        case NODE_INPUT -> inputs.add(in.readStringRequireUtf8());
        case NODE_OUTPUT -> outputs.add(in.readStringRequireUtf8());
        case NODE_NAME -> name = in.readStringRequireUtf8();
        case NODE_OP_TYPE -> opType = in.readStringRequireUtf8();
        default -> in.skipField(tag);
      }
    }
    return new OnnxNode(name, opType, inputs, outputs);
  }

  private static OnnxTensor readTensor(CodedInputStream in) throws IOException {
    List<Long> dims = new ArrayList<>();
    int dataType = 0;
    String name = "";
    byte[] raw = null;
    ByteArrayOutputStream typed = new ByteArrayOutputStream();
    List<Long> typedValues = new ArrayList<>();
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      int field = fieldOf(tag);
      int wire = tag & 7;
      switch (field) {
        case TENSOR_DIMS -> readVarints(in, wire, dims);
        case TENSOR_DATA_TYPE -> dataType = in.readInt32();
        case TENSOR_NAME -> name = in.readStringRequireUtf8();
        case TENSOR_RAW_DATA -> raw = in.readByteArray();
        case TENSOR_FLOAT_DATA -> readFixed32s(in, wire, typed);
        case TENSOR_INT32_DATA, TENSOR_INT64_DATA -> readVarints(in, wire, typedValues);
        case TENSOR_DATA_LOCATION -> {
          if (in.readEnum() != 0) {
            throw new IllegalArgumentException("external tensor data is not supported: " + name);
          }
        }
        default -> in.skipField(tag);
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    int size = OnnxTensor.elementSize(dataType);
    if (raw == null) {
      raw = typed.size() > 0 ? typed.toByteArray() : packTyped(typedValues, size);
    }
    OnnxTensor tensor = new OnnxTensor(name, dataType, shape, raw);
    if ((long) raw.length != tensor.elementCount() * size) {
      throw new IllegalArgumentException(
          "tensor " + name + " holds " + raw.length + " bytes for its shape");
    }
    return tensor;
  }

  /**
   * int32_data carries uint8/int8/int32 as varints, int64_data int64: narrow to the element size.
   */
  private static byte[] packTyped(List<Long> values, int size) {
    byte[] out = new byte[values.size() * size];
    for (int i = 0; i < values.size(); i++) {
      long v = values.get(i);
      for (int b = 0; b < size; b++) {
        out[i * size + b] = (byte) (v >>> (8 * b));
      }
    }
    return out;
  }

  private static void readVarints(CodedInputStream in, int wire, List<Long> out)
      throws IOException {
    if (wire == WIRE_LENGTH_DELIMITED) {
      int limit = in.pushLimit(in.readRawVarint32());
      while (!in.isAtEnd()) {
        out.add(in.readRawVarint64());
      }
      in.popLimit(limit);
    } else if (wire == WIRE_VARINT) {
      out.add(in.readRawVarint64());
    } else {
      throw new IllegalArgumentException("unexpected wire type " + wire + " for a varint field");
    }
  }

  private static void readFixed32s(CodedInputStream in, int wire, ByteArrayOutputStream out)
      throws IOException {
    if (wire == WIRE_LENGTH_DELIMITED) {
      int limit = in.pushLimit(in.readRawVarint32());
      while (!in.isAtEnd()) {
        writeLe32(out, in.readRawLittleEndian32());
      }
      in.popLimit(limit);
    } else if (wire == WIRE_FIXED32) {
      writeLe32(out, in.readRawLittleEndian32());
    } else {
      throw new IllegalArgumentException("unexpected wire type " + wire + " for float_data");
    }
  }

  private static void writeLe32(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }

  private static int fieldOf(int tag) {
    return tag >>> 3;
  }
}
