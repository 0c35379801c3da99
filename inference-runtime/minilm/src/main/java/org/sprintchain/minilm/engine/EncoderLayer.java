package org.sprintchain.minilm.engine;

/**
 * One post-norm BERT block, as exported: attention, dense, residual, LayerNorm; then dense, GELU,
 * dense, residual, LayerNorm. Every dense input is re-quantised per tensor (ONNX {@code
 * DynamicQuantizeLinear}); the residual stream stays Q32 in longs.
 */
public record EncoderLayer(
    QuantizedLinear query,
    QuantizedLinear key,
    QuantizedLinear value,
    QuantizedLinear attentionOutput,
    IntegerLayerNorm attentionNorm,
    QuantizedLinear intermediate,
    QuantizedLinear output,
    IntegerLayerNorm outputNorm,
    SelfAttention attention) {

  /** Runs the block on {@code x} [tokens][hidden] (Q32) and returns the new hidden states. */
  public long[] apply(long[] x, int tokens) {
    int hidden = query.in();
    QuantizedActivations xq = ActivationQuantizer.quantize(x, tokens, hidden);
    long[] ctx = attention.apply(query.apply(xq), key.apply(xq), value.apply(xq), tokens);
    long[] h1 = attentionOutput.apply(ActivationQuantizer.quantize(ctx, tokens, hidden));
    addInPlace(h1, x);
    attentionNorm.applyInPlace(h1, tokens);

    long[] f = intermediate.apply(ActivationQuantizer.quantize(h1, tokens, hidden));
    IntegerGelu.applyInPlace(f);
    long[] h2 = output.apply(ActivationQuantizer.quantize(f, tokens, intermediate.out()));
    addInPlace(h2, h1);
    outputNorm.applyInPlace(h2, tokens);
    return h2;
  }

  private static void addInPlace(long[] acc, long[] residual) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] = Math.addExact(acc[i], residual[i]);
    }
  }
}
