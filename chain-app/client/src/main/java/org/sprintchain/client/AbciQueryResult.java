package org.sprintchain.client;

import java.nio.charset.StandardCharsets;

/** The app's answer to an {@code abci_query}. */
public record AbciQueryResult(int code, String codespace, String log, byte[] value, long height) {
  public AbciQueryResult {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  public String valueUtf8() {
    return new String(value, StandardCharsets.UTF_8);
  }

  public boolean ok() {
    return code == 0;
  }
}
