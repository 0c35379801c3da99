package org.sprintchain.minilm.onnx;

import java.util.List;

/**
 * One operator of an ONNX graph. Attributes are not kept: the encoder maps a known BERT export and
 * checks its shape through the operator counts and tensor names instead.
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs) {
  public OnnxNode {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
