package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A registered inference model, as {@code /inference/models} lists it. */
public record ModelInfo(
    String modelId,
    String architecture,
    String weightsSha256,
    long pricePerUnit,
    int maxInputBytes) {

  /** The most units an input can bill: one per byte, plus [CLS] and [SEP] for a text model. */
  public long maxUnits() {
    return maxInputBytes + 2L;
  }

  static ModelInfo fromJson(JsonNode m) {
    return new ModelInfo(
        m.path("model_id").asText(),
        m.path("architecture").asText(),
        m.path("weights_sha256").asText(),
        m.path("price_per_unit").asLong(),
        m.path("max_input_bytes").asInt());
  }
}
