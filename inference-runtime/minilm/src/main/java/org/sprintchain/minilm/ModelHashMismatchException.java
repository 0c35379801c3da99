package org.sprintchain.minilm;

/**
 * The weights offered are not the ones a registry entry pins. A node must refuse to serve them:
 * receipts and audits are only meaningful when everybody runs the same bytes.
 */
public final class ModelHashMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String expectedHex;
  private final String actualHex;

  public ModelHashMismatchException(String expectedHex, String actualHex) {
    super("model weights SHA-256 " + actualHex + " does not match the pinned " + expectedHex);
    this.expectedHex = expectedHex;
    this.actualHex = actualHex;
  }

  public String expectedHex() {
    return expectedHex;
  }

  public String actualHex() {
    return actualHex;
  }
}
