package org.sprintchain.minilm.engine;

/**
 * A [rows][cols] activation tensor quantised to uint8 with one scale and zero point for the whole
 * tensor, the scheme of ONNX {@code DynamicQuantizeLinear} that the exported model was calibrated
 * for. The real value of element i is {@code (q[i] - zeroPoint) · range / 255}.
 *
 * @param centered {@code q - 128} for each element, so the uint8 fits a signed byte and the matmul
 *     is int8 × int8; the zero point is folded back through the weight row sums
 * @param rows token count
 * @param cols feature width
 * @param range {@code max(0, max x) - min(0, min x)} in Q32; 0 when the tensor is all zero
 * @param zeroPoint the uint8 that stands for 0.0
 */
public record QuantizedActivations(
    byte[] centered, int rows, int cols, long range, int zeroPoint) {}
