package org.sprintchain.client;

import java.util.Map;
import java.util.Optional;

/** An ABCI event from a tx result, e.g. {@code transfer{sender,recipient,amount}}. */
public record TxEvent(String type, Map<String, String> attributes) {
  public TxEvent {
    attributes = Map.copyOf(attributes);
  }

  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }
}
