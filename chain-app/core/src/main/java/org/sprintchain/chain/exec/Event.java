package org.sprintchain.chain.exec;

import java.util.List;

/**
 * An ABCI event. Attributes marked {@code index} are indexed by CometBFT, so {@code tx_search} can
 * find a tx by, for example, {@code transfer.recipient='spr1...'}.
 */
public record Event(String type, List<Attribute> attributes) {
  public static final String TRANSFER = "transfer";
  public static final String TX = "tx";

  public Event {
    attributes = List.copyOf(attributes);
  }

  /** One key/value pair of an event. */
  public record Attribute(String key, String value, boolean index) {}

  /** {@code transfer{sender, recipient, amount}}, all indexed. */
  public static Event transfer(String sender, String recipient, String amount) {
    return new Event(
        TRANSFER,
        List.of(
            new Attribute("sender", sender, true),
            new Attribute("recipient", recipient, true),
            new Attribute("amount", amount, true)));
  }

  /** An event whose attributes, given as alternating keys and values, are all indexed. */
  public static Event indexed(String type, String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    Attribute[] attrs = new Attribute[keysAndValues.length / 2];
    for (int i = 0; i < attrs.length; i++) {
      attrs[i] = new Attribute(keysAndValues[2 * i], keysAndValues[2 * i + 1], true);
    }
    return new Event(type, List.of(attrs));
  }

  /** {@code tx{signer, fee, sequence}}, all indexed. */
  public static Event tx(String signer, String fee, String sequence) {
    return new Event(
        TX,
        List.of(
            new Attribute("signer", signer, true),
            new Attribute("fee", fee, true),
            new Attribute("sequence", sequence, true)));
  }
}
