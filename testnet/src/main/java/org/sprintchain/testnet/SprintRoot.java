package org.sprintchain.testnet;

import java.nio.file.Path;

/** The repository root: the {@code sprint.root} system property (bin/sprint sets it), else ".". */
public final class SprintRoot {
  private SprintRoot() {}

  public static Path get() {
    String root = System.getProperty("sprint.root");
    return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
  }
}
