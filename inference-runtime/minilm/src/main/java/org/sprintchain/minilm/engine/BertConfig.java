package org.sprintchain.minilm.engine;

/**
 * Shapes of a BERT encoder. All but {@code heads} are read from tensor shapes; the head count is a
 * property of the architecture (all-MiniLM-L6-v2: 12 heads of 32).
 */
public record BertConfig(
    int vocab, int hidden, int heads, int intermediate, int layers, int maxPositions) {
  public BertConfig {
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("hidden " + hidden + " not divisible by heads " + heads);
    }
  }

  public int headDim() {
    return hidden / heads;
  }
}
