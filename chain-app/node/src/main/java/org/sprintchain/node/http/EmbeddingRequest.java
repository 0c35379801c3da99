package org.sprintchain.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;

/**
 * The body of {@code POST /v1/embeddings}: OpenAI's {@code model}, {@code input} (one string, or an
 * array of exactly one: each input is its own paid job with its own signed request) and {@code
 * encoding_format}, plus {@code sprint_signed_tx}, the base64 SignedTx that pays for it.
 */
record EmbeddingRequest(String model, String input, boolean base64, byte[] signedTx) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN =
      Set.of("model", "input", "encoding_format", "sprint_signed_tx", "user", "dimensions");

  EmbeddingRequest {
    signedTx = signedTx.clone();
  }

  @Override
  public byte[] signedTx() {
    return signedTx.clone();
  }

  /**
   * @throws ApiError.Failure 400 naming what is wrong
   */
  static EmbeddingRequest parse(byte[] body) {
    JsonNode doc;
    try {
      doc = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("invalid_json", "the body is not JSON: " + e.getOriginalMessage())
          .failure();
    } catch (IOException e) {
      throw ApiError.badRequest("invalid_json", "the body is not JSON: " + e.getMessage())
          .failure();
    }
    if (doc == null || !doc.isObject()) {
      throw ApiError.badRequest("invalid_json", "the body must be a JSON object").failure();
    }
    for (var names = doc.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN.contains(name)) {
        throw bad("unknown field '" + name + "'");
      }
    }
    JsonNode model = doc.get("model");
    if (model == null || !model.isTextual() || model.textValue().isEmpty()) {
      throw bad("'model' must be a model id (see GET /v1/models)");
    }
    JsonNode input = doc.get("input");
    if (input != null && input.isArray() && input.size() == 1) {
      input = input.get(0);
    }
    if (input == null || !input.isTextual()) {
      throw bad(
          "'input' must be one string (an array of one is accepted): each input is a job paid by"
              + " its own signed request tx");
    }
    JsonNode format = doc.get("encoding_format");
    String encoding = format == null ? "float" : format.asText();
    if (!encoding.equals("float") && !encoding.equals("base64")) {
      throw bad("'encoding_format' must be \"float\" or \"base64\"");
    }
    JsonNode dims = doc.get("dimensions");
    if (dims != null && !dims.isNull()) {
      throw bad("'dimensions' is not supported: the model's dimension is fixed");
    }
    JsonNode tx = doc.get("sprint_signed_tx");
    if (tx == null || !tx.isTextual() || tx.textValue().isEmpty()) {
      throw bad(
          "'sprint_signed_tx' is required: base64 of a SignedTx holding one MsgInferenceRequest"
              + " for this model and input, signed by the paying account");
    }
    byte[] txBytes;
    try {
      txBytes = Base64.getDecoder().decode(tx.textValue());
    } catch (IllegalArgumentException e) {
      throw bad("'sprint_signed_tx' is not base64: " + e.getMessage());
    }
    return new EmbeddingRequest(
        model.textValue(), input.textValue(), encoding.equals("base64"), txBytes);
  }

  private static ApiError.Failure bad(String message) {
    return ApiError.badRequest("invalid_request", message).failure();
  }
}
