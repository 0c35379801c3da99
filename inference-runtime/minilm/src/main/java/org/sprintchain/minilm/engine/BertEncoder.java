package org.sprintchain.minilm.engine;

import java.util.List;

/** The integer BERT encoder: embeddings, then the layers; returns the last hidden state. */
public final class BertEncoder {
  private final BertConfig config;
  private final QuantizedEmbeddings embeddings;
  private final List<EncoderLayer> layers;

  public BertEncoder(BertConfig config, QuantizedEmbeddings embeddings, List<EncoderLayer> layers) {
    if (layers.size() != config.layers()) {
      throw new IllegalArgumentException(
          "expected " + config.layers() + " layers, got " + layers.size());
    }
    this.config = config;
    this.embeddings = embeddings;
    this.layers = List.copyOf(layers);
  }

  List<EncoderLayer> layers() {
    return layers;
  }

  QuantizedEmbeddings embeddings() {
    return embeddings;
  }

  public BertConfig config() {
    return config;
  }

  /**
   * The embedding output and every layer's output, each [ids.length][hidden] in Q32: L+1 states
   * whose hashes let a dispute be narrowed to one layer, as in the sprint model.
   */
  public List<long[]> hiddenStates(int[] ids) {
    List<long[]> states = new java.util.ArrayList<>();
    long[] x = embeddings.apply(ids);
    states.add(x);
    for (EncoderLayer layer : layers) {
      x = layer.apply(x, ids.length);
      states.add(x);
    }
    return states;
  }

  /** Last hidden state [ids.length][hidden] in Q32. */
  public long[] lastHiddenState(int[] ids) {
    long[] x = embeddings.apply(ids);
    for (EncoderLayer layer : layers) {
      x = layer.apply(x, ids.length);
    }
    return x;
  }
}
