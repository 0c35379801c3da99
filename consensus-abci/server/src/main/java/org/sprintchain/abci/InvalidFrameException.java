package org.sprintchain.abci;

import java.io.IOException;

/**
 * A peer sent bytes that are not a usable ABCI frame: a length prefix that is not a varint or
 * exceeds the limit, a body that is not a {@code Request}, or a {@code Request} with no value. The
 * stream cannot be resynchronised after that, so the server closes the connection.
 */
public final class InvalidFrameException extends IOException {
  public InvalidFrameException(String message) {
    super(message);
  }

  public InvalidFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
