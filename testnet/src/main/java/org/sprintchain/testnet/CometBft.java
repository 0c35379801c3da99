package org.sprintchain.testnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CometBFT binary: {@code init}, {@code show-node-id}, and the {@code start} command line. */
public final class CometBft {
  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private final Path binary;

  public CometBft(Path binary) {
    this.binary = binary;
  }

  /**
   * The binary named by the {@code sprint.cometbft} system property, else {@code
   * <sprint.root>/.tools/bin/cometbft}, else {@code .tools/bin/cometbft} under the working dir.
   */
  public static CometBft locate() {
    String prop = System.getProperty("sprint.cometbft");
    if (prop != null && !prop.isBlank()) {
      return new CometBft(Path.of(prop));
    }
    return new CometBft(SprintRoot.get().resolve(".tools/bin/cometbft"));
  }

  public Path binary() {
    return binary;
  }

  /**
   * @throws TestnetException pointing to {@code bin/sprint install-cometbft} when it is missing
   */
  public CometBft requireInstalled() {
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new TestnetException(
          "CometBFT not found at "
              + binary
              + "; install it with 'bin/sprint install-cometbft' (or point -Dsprint.cometbft at a"
              + " v0.38 binary)");
    }
    return this;
  }

  /** Runs {@code cometbft init --home home}: keys, a default config and a one-validator genesis. */
  public void init(Path home) {
    run(List.of("init", "--home", home.toString()));
  }

  /** The node id (hex of the node key's address), as peers address it. */
  public String nodeId(Path home) {
    return run(List.of("show-node-id", "--home", home.toString())).strip();
  }

  public String version() {
    return run(List.of("version")).strip();
  }

  /** The command line that runs a node from {@code home} (its config.toml says the rest). */
  public List<String> startCommand(Path home) {
    return List.of(binary.toString(), "start", "--home", home.toString());
  }

  private String run(List<String> args) {
    requireInstalled();
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new TestnetException("'" + String.join(" ", command) + "' did not finish");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new TestnetException(
            "'" + String.join(" ", command) + "' failed (exit " + p.exitValue() + "): " + text);
      }
      return text;
    } catch (IOException e) {
      throw new TestnetException("cannot run " + binary + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestnetException("interrupted while running " + binary, e);
    }
  }
}
