package org.sprintchain.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sprintchain.client.InferenceReceipt;
import org.sprintchain.client.ModelInfo;

/** The OpenAI-shaped answers, with the chain's extras beside OpenAI's fields. */
final class OpenAiJson {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String OWNER = "sprintchain";

  private OpenAiJson() {}

  static ObjectNode models(List<ModelInfo> models) {
    ObjectNode out = JSON.createObjectNode();
    out.put("object", "list");
    ArrayNode data = out.putArray("data");
    models.forEach(m -> data.add(model(m)));
    return out;
  }

  static ObjectNode model(ModelInfo m) {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", m.modelId());
    out.put("object", "model");
    out.put("created", 0); // registered at genesis; the chain keeps no wall-clock time for it
    out.put("owned_by", OWNER);
    out.put("architecture", m.architecture());
    out.put("price_per_unit", m.pricePerUnit());
    out.put("max_input_bytes", m.maxInputBytes());
    out.put("weights_sha256", m.weightsSha256());
    return out;
  }

  static ObjectNode embeddings(
      String model, float[] embedding, boolean base64, InferenceReceipt receipt) {
    ObjectNode out = JSON.createObjectNode();
    out.put("object", "list");
    ObjectNode item = out.putArray("data").addObject();
    item.put("object", "embedding");
    item.put("index", 0);
    if (base64) {
      item.put("embedding", FixedPointEmbedding.base64(embedding));
    } else {
      ArrayNode values = item.putArray("embedding");
      for (float v : embedding) {
        values.add(v);
      }
    }
    out.put("model", model);
    ObjectNode usage = out.putObject("usage");
    usage.put("prompt_tokens", receipt.units());
    usage.put("total_tokens", receipt.units());
    out.set("receipt", receipt.toJson());
    return out;
  }

  static ObjectNode error(ApiError e) {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode error = out.putObject("error");
    error.put("message", e.message());
    error.put("type", e.type());
    error.putNull("param");
    error.put("code", e.code());
    e.requestId().ifPresent(id -> error.put("request_id", id));
    e.receipt().ifPresent(r -> out.set("receipt", r));
    return out;
  }
}
