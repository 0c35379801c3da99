package org.sprintchain.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.archrules.DeterminismRules;
import org.sprintchain.archrules.FloatingPointScanner;

/** The reference is the spec: no floating point, clocks, randomness or adapters. */
class ReferenceDeterminismTest {
  /**
   * The shared scanner's conversion range I2F..D2F also covers L2I (opcode 136), a pure integer
   * narrowing that Philox and the fixed-point code need; every other finding still fails. Replace
   * with {@code DeterminismRules.assertDeterministicCore} once the scanner excludes L2I.
   */
  private static final String L2I = "floating-point instruction opcode 136";

  @Test
  void referenceDependsOnNoAdapter() {
    DeterminismRules.noAdapterAccess("org.sprintchain.model")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sprintchain.model"));
  }

  @Test
  void referenceHasNoFloatingPoint() {
    List<String> findings =
        FloatingPointScanner.scan(Path.of("target", "classes")).stream()
            .filter(f -> !f.endsWith(L2I))
            .toList();
    assertTrue(findings.isEmpty(), () -> "floating point:\n  " + String.join("\n  ", findings));
  }
}
