package org.sprintchain.minilm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sprintchain.minilm.onnx.OnnxGraph;
import org.sprintchain.minilm.onnx.OnnxNode;
import org.sprintchain.minilm.onnx.OnnxTensor;

/**
 * Maps the int8 ONNX export of a BERT encoder (onnxruntime dynamic quantisation of a HuggingFace
 * export: {@code MatMulInteger} with per-column weight scales, uint8 embedding tables) onto the
 * integer engine. Named tensors (biases, LayerNorm, embeddings) are found by their HuggingFace
 * names; the anonymous {@code onnx::MatMul_N} weights through the {@code MatMulInteger} node whose
 * output path names the layer and role. Anything unexpected fails: a node refuses weights it does
 * not understand rather than serving something else.
 */
public final class OnnxBertMapper {
  private static final String[] ROLES = {
    "attention/self/query",
    "attention/self/key",
    "attention/self/value",
    "attention/output/dense",
    "intermediate/dense",
    "output/dense"
  };

  private OnnxBertMapper() {}

  /** Builds the encoder with the default kernel; {@code heads} is the architecture's head count. */
  public static BertEncoder map(OnnxGraph graph, int heads) {
    return map(graph, heads, MatmulKernel.SCALAR);
  }

  /**
   * Builds the encoder with {@code kernel} in every dense layer (same bits as any other kernel).
   */
  public static BertEncoder map(OnnxGraph graph, int heads, MatmulKernel kernel) {
    SortedMap<String, Integer> ops = graph.opCounts();
    int layers = ops.getOrDefault("Softmax", 0);
    requireCount(ops, "MatMulInteger", 6 * layers);
    requireCount(ops, "Erf", layers);
    requireCount(ops, "DequantizeLinear", 3);
    if (layers == 0) {
      throw new IllegalArgumentException("ONNX graph has no attention layer: " + ops);
    }
    OnnxTensor word = graph.initializer("embeddings.word_embeddings.weight_quantized");
    OnnxTensor pos = graph.initializer("embeddings.position_embeddings.weight_quantized");
    int vocab = (int) word.dims()[0];
    int hidden = (int) word.dims()[1];
    SortedMap<String, QuantizedLinear> linears = linears(graph, hidden, kernel);
    int intermediate = linears.get(key(0, "intermediate/dense")).out();
    BertConfig config =
        new BertConfig(vocab, hidden, heads, intermediate, layers, (int) pos.dims()[0]);

    List<EncoderLayer> blocks = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      String p = "encoder.layer." + l + ".";
      blocks.add(
          new EncoderLayer(
              require(linears, key(l, ROLES[0])),
              require(linears, key(l, ROLES[1])),
              require(linears, key(l, ROLES[2])),
              require(linears, key(l, ROLES[3])),
              layerNorm(graph, p + "attention.output.LayerNorm", hidden),
              require(linears, key(l, ROLES[4])),
              require(linears, key(l, ROLES[5])),
              layerNorm(graph, p + "output.LayerNorm", hidden),
              new SelfAttention(heads, config.headDim())));
    }
    QuantizedEmbeddings embeddings =
        new QuantizedEmbeddings(
            hidden,
            table(graph, "embeddings.word_embeddings", hidden),
            table(graph, "embeddings.position_embeddings", hidden),
            table(graph, "embeddings.token_type_embeddings", hidden),
            layerNorm(graph, "embeddings.LayerNorm", hidden));
    return new BertEncoder(config, embeddings, blocks);
  }

  /** Every MatMulInteger, keyed "layer/role", e.g. "0/attention/self/query". */
  private static SortedMap<String, QuantizedLinear> linears(
      OnnxGraph graph, int hidden, MatmulKernel kernel) {
    SortedMap<String, QuantizedLinear> out = new TreeMap<>();
    for (OnnxNode node : graph.nodes()) {
      if (!node.opType().equals("MatMulInteger")) {
        continue;
      }
      String path = node.outputs().get(0);
      int cut = path.indexOf("/MatMul_output");
      if (!path.startsWith("/encoder/layer.") || cut < 0) {
        throw new IllegalArgumentException("unrecognised MatMulInteger output " + path);
      }
      String module = path.substring("/encoder/layer.".length(), cut); // "0/attention/self/query"
      String weightName = node.inputs().get(1);
      String base = weightName.substring(0, weightName.length() - "_quantized".length());
      OnnxTensor w = graph.initializer(weightName);
      if (w.dataType() != OnnxTensor.INT8 || w.dims().length != 2) {
        throw new IllegalArgumentException("weight " + weightName + " is not a 2-D int8 matrix");
      }
      int in = (int) w.dims()[0];
      int outWidth = (int) w.dims()[1];
      OnnxTensor zp = graph.initializer(base + "_zero_point").require(OnnxTensor.INT8, outWidth);
      for (byte b : zp.raw()) {
        if (b != 0) {
          throw new IllegalArgumentException("asymmetric weights are not supported: " + base);
        }
      }
      long[] scaleQ56 =
          Ieee754.toFixedLongs(
              graph.initializer(base + "_scale").require(OnnxTensor.FLOAT, outWidth).raw(), 56);
      String biasName = "encoder.layer." + module.replace('/', '.') + ".bias";
      long[] biasQ32 =
          Ieee754.toFixedLongs(
              graph.initializer(biasName).require(OnnxTensor.FLOAT, outWidth).raw(), 32);
      if (out.put(
              module,
              new QuantizedLinear(
                  in, outWidth, transpose(w.raw(), in, outWidth), scaleQ56, biasQ32, kernel))
          != null) {
        throw new IllegalArgumentException("two MatMulInteger nodes for " + module);
      }
    }
    if (!out.containsKey(key(0, "intermediate/dense"))
        || out.get(key(0, ROLES[0])).in() != hidden) {
      throw new IllegalArgumentException("ONNX graph does not look like a BERT encoder");
    }
    return out;
  }

  /** ONNX MatMul weights are [in][out]; the engine wants [out][in] rows. */
  private static byte[] transpose(byte[] w, int in, int out) {
    byte[] t = new byte[w.length];
    for (int k = 0; k < in; k++) {
      for (int n = 0; n < out; n++) {
        t[n * in + k] = w[k * out + n];
      }
    }
    return t;
  }

  private static IntegerLayerNorm layerNorm(OnnxGraph graph, String prefix, int hidden) {
    long[] gamma =
        Ieee754.toFixedLongs(
            graph.initializer(prefix + ".weight").require(OnnxTensor.FLOAT, hidden).raw(), 32);
    long[] beta =
        Ieee754.toFixedLongs(
            graph.initializer(prefix + ".bias").require(OnnxTensor.FLOAT, hidden).raw(), 32);
    return new IntegerLayerNorm(gamma, beta);
  }

  private static QuantizedEmbeddings.Table table(OnnxGraph graph, String prefix, int hidden) {
    OnnxTensor data = graph.initializer(prefix + ".weight_quantized");
    int rows = (int) data.dims()[0];
    data.require(OnnxTensor.UINT8, rows, hidden);
    int zp = graph.initializer(prefix + ".weight_zero_point").scalarUint8();
    OnnxTensor scale = graph.initializer(prefix + ".weight_scale").require(OnnxTensor.FLOAT);
    long scaleQ56 = Ieee754.toFixedLongs(scale.raw(), 56)[0];
    return new QuantizedEmbeddings.Table(data.raw(), rows, zp, scaleQ56);
  }

  private static String key(int layer, String role) {
    return layer + "/" + role;
  }

  private static QuantizedLinear require(SortedMap<String, QuantizedLinear> m, String k) {
    QuantizedLinear l = m.get(k);
    if (l == null) {
      throw new IllegalArgumentException("ONNX graph has no dense layer " + k);
    }
    return l;
  }

  private static void requireCount(SortedMap<String, Integer> ops, String op, int expected) {
    int actual = ops.getOrDefault(op, 0);
    if (actual != expected) {
      throw new IllegalArgumentException(
          "expected " + expected + " " + op + " nodes, found " + actual + ": " + ops);
    }
  }
}
