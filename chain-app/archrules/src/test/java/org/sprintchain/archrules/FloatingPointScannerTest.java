package org.sprintchain.archrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloatingPointScannerTest {
  @TempDir Path dir;

  /** Integer-only code, including the long-to-int cast whose opcode sits among the float casts. */
  static final class IntegerOnly {
    static int narrow(long x) {
      return (int) x + Long.hashCode(x);
    }
  }

  static final class UsesDouble {
    static long scale(long x) {
      return (long) (x * 1.5);
    }
  }

  static final class HasFloatField {
    float ratio;
  }

  private List<String> scan(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(type.getSimpleName() + ".class");
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
    return FloatingPointScanner.scan(dir);
  }

  @Test
  void integerCodeIncludingLongToIntCastIsClean() throws IOException {
    assertEquals(List.of(), scan(IntegerOnly.class));
  }

  @Test
  void doubleArithmeticIsFound() throws IOException {
    List<String> findings = scan(UsesDouble.class);
    assertTrue(findings.stream().anyMatch(f -> f.contains("scale")), findings::toString);
  }

  @Test
  void floatFieldIsFound() throws IOException {
    List<String> findings = scan(HasFloatField.class);
    assertTrue(findings.stream().anyMatch(f -> f.contains("ratio")), findings::toString);
  }
}
