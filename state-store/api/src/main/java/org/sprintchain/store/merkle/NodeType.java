package org.sprintchain.store.merkle;

/** What a child slot of the tree holds; the code is part of the stored node encoding. */
public enum NodeType {
  EMPTY(0),
  LEAF(1),
  INTERNAL(2);

  private final int code;

  NodeType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static NodeType ofCode(int code) {
    return switch (code) {
      case 0 -> EMPTY;
      case 1 -> LEAF;
      case 2 -> INTERNAL;
      default -> throw new IllegalArgumentException("unknown node type code " + code);
    };
  }
}
