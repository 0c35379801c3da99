package org.sprintchain.archrules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.nio.file.Path;
import java.util.List;

/**
 * The build's determinism and layering rules, shared by every deterministic core module. A core
 * module's test calls {@link #assertDeterministicCore(String)} with its root package.
 */
public final class DeterminismRules {
  /** Packages that hold adapters; the deterministic core must never reach into them. */
  public static final String[] ADAPTER_PACKAGES = {
    "org.rocksdb..",
    "com.sun.jna..",
    "org.sprintchain.abci..",
    "org.sprintchain.store.rocksdb..",
    "org.sprintchain.node..",
    "org.sprintchain.client..",
    "org.sprintchain.cli..",
    "org.sprintchain.testnet..",
    "java.net..",
    "java.nio.channels..",
    "java.net.http..",
  };

  private DeterminismRules() {}

  /** Fails when production classes under {@code rootPackage} break a determinism rule. */
  public static void assertDeterministicCore(String rootPackage) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(rootPackage);
    noAdapterAccess(rootPackage).check(classes);
    assertNoFloatingPoint(Path.of("target", "classes"));
  }

  /** The layering rule: core classes depend on no adapter package. */
  public static ArchRule noAdapterAccess(String rootPackage) {
    return ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage(rootPackage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTER_PACKAGES)
        .because(
            "the deterministic core must not depend on adapters (storage, sockets, CUDA, HTTP)");
  }

  /** Fails with every finding when any class under {@code classesDir} uses floating point. */
  public static void assertNoFloatingPoint(Path classesDir) {
    List<String> findings = FloatingPointScanner.scan(classesDir);
    assertTrue(
        findings.isEmpty(),
        () -> "floating point in deterministic code:\n  " + String.join("\n  ", findings));
  }
}
