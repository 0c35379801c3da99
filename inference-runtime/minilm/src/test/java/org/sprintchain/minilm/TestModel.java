package org.sprintchain.minilm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Shared test fixtures: one loaded encoder per JVM (loading parses 23 MB), and the corpus. */
final class TestModel {
  private static MiniLmEncoder encoder;

  private TestModel() {}

  static synchronized MiniLmEncoder encoder() {
    if (encoder == null) {
      encoder = MiniLmEncoder.loadBundled();
    }
    return encoder;
  }

  static byte[] resource(String name) {
    try (InputStream in = TestModel.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Non-blank, non-comment lines of a UTF-8 resource, kept verbatim (no trimming). */
  static List<String> lines(String name) {
    List<String> out = new ArrayList<>();
    for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }

  static List<String> corpus() {
    return lines("org/sprintchain/minilm/quality-corpus.txt");
  }
}
