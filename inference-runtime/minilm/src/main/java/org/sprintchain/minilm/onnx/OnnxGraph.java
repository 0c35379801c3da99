package org.sprintchain.minilm.onnx;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The parts of an ONNX {@code GraphProto} the encoder reads: nodes in file order, initializers. */
public record OnnxGraph(List<OnnxNode> nodes, SortedMap<String, OnnxTensor> initializers) {
  public OnnxGraph {
    nodes = List.copyOf(nodes);
    initializers = new TreeMap<>(initializers);
  }

  /** The initializer called {@code name}; a missing one means a different export, so it fails. */
  public OnnxTensor initializer(String name) {
    OnnxTensor t = initializers.get(name);
    if (t == null) {
      throw new IllegalArgumentException("ONNX graph has no initializer " + name);
    }
    return t;
  }

  /** Operator type → count, sorted by type; a cheap fingerprint of the export's structure. */
  public SortedMap<String, Integer> opCounts() {
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (OnnxNode n : nodes) {
      counts.merge(n.opType(), 1, Integer::sum);
    }
    return counts;
  }
}
