package org.sprintchain.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every block's weights, generated once per sprint from the seed. Embedding rows are not stored:
 * {@link ModelForward} draws the few rows a nonce needs straight from the {@link WeightStream}.
 *
 * @param params the model shape
 * @param stream the seed's weight stream (embeddings are read from it on demand)
 * @param layers the block weights, block 0 first
 */
public record ModelWeights(ModelParams params, WeightStream stream, List<LayerWeights> layers) {
  /** Copies the layer list. */
  public ModelWeights {
    layers = List.copyOf(layers);
  }

  /** Generates all blocks for {@code seed}; needs {@code params.layers() * layerWeightBytes()}. */
  public static ModelWeights generate(ModelParams params, byte[] seed) {
    WeightStream stream = new WeightStream(seed);
    List<LayerWeights> layers = new ArrayList<>(params.layers());
    for (int l = 0; l < params.layers(); l++) {
      layers.add(LayerWeights.generate(params, stream, l));
    }
    return new ModelWeights(params, stream, layers);
  }
}
