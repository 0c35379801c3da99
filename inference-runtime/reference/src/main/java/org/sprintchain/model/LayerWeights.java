package org.sprintchain.model;

/**
 * The int8 weights of one transformer block, each row-major [out][in].
 *
 * @param wq query projection [D][D]
 * @param wk key projection [D][D]
 * @param wv value projection [D][D]
 * @param wo attention output projection [D][D]
 * @param w1 feed-forward up projection [F][D]
 * @param w2 feed-forward down projection [D][F]
 */
public record LayerWeights(byte[] wq, byte[] wk, byte[] wv, byte[] wo, byte[] w1, byte[] w2) {
  /** Generates block {@code layer} from the weight stream. */
  public static LayerWeights generate(ModelParams p, WeightStream stream, int layer) {
    int d = p.dModel();
    int f = p.dFf();
    return new LayerWeights(
        stream.tensor(TensorId.layer(layer, TensorId.WQ), d, d),
        stream.tensor(TensorId.layer(layer, TensorId.WK), d, d),
        stream.tensor(TensorId.layer(layer, TensorId.WV), d, d),
        stream.tensor(TensorId.layer(layer, TensorId.WO), d, d),
        stream.tensor(TensorId.layer(layer, TensorId.W1), f, d),
        stream.tensor(TensorId.layer(layer, TensorId.W2), d, f));
  }
}
