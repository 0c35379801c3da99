package org.sprintchain.chain.inference;

import java.util.Optional;

/** The model architectures the chain can bill and re-execute; the byte is stored, never reused. */
public enum Architecture {
  /** The seeded test model ({@link SyntheticModel}); a unit is one input byte. */
  SYNTHETIC_V1("synthetic-v1", 1),
  /** all-MiniLM-L6-v2 on the integer engine; a unit is one WordPiece token. */
  MINILM_L6_V2_INT8("minilm-l6-v2-int8", 2);

  private final String id;
  private final int code;

  Architecture(String id, int code) {
    this.id = id;
    this.code = code;
  }

  /** The genesis and query name. */
  public String id() {
    return id;
  }

  int code() {
    return code;
  }

  public static Optional<Architecture> ofId(String id) {
    for (Architecture a : values()) {
      if (a.id.equals(id)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  static Architecture ofCode(int code) {
    for (Architecture a : values()) {
      if (a.code == code) {
        return a;
      }
    }
    throw new IllegalStateException("unknown architecture code " + code);
  }
}
