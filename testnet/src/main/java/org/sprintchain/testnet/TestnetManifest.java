package org.sprintchain.testnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <dir>/testnet.json}: what a testnet folder holds, so that later commands (status, down, tx
 * send's default node) find its nodes and ports without flags. {@code sprint} was added later; a
 * file without it reads as {@link SprintSettings#DEFAULT}.
 */
public record TestnetManifest(
    int format,
    String chainId,
    TestnetConfig.App app,
    int basePort,
    long blockIntervalMillis,
    String demoAddress,
    List<Node> nodes,
    SprintSettings sprint) {
  public static final String FILE = "testnet.json";
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** One node: its name, CometBFT node id and ports. */
  public record Node(String name, String nodeId, NodePorts ports) {}

  public TestnetManifest {
    nodes = List.copyOf(nodes);
    if (sprint == null) {
      sprint = SprintSettings.DEFAULT;
    }
  }

  public TestnetManifest(
      int format,
      String chainId,
      TestnetConfig.App app,
      int basePort,
      long blockIntervalMillis,
      String demoAddress,
      List<Node> nodes) {
    this(
        format,
        chainId,
        app,
        basePort,
        blockIntervalMillis,
        demoAddress,
        nodes,
        SprintSettings.DEFAULT);
  }

  /** The node called {@code name}, e.g. {@code node2}. */
  public java.util.Optional<Node> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  public static boolean existsIn(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  public static TestnetManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new TestnetException(
          "no testnet in " + dir + " (no " + FILE + "); create one with 'bin/sprint testnet up'");
    }
    TestnetManifest m;
    try {
      m = JSON.readValue(file.toFile(), TestnetManifest.class);
    } catch (IOException e) {
      throw new TestnetException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (m.format() != FORMAT) {
      throw new TestnetException(
          file
              + " has format "
              + m.format()
              + ", this version reads "
              + FORMAT
              + "; wipe it with 'bin/sprint testnet reset'");
    }
    return m;
  }

  public void write(Path dir) {
    try {
      JSON.writeValue(dir.resolve(FILE).toFile(), this);
    } catch (IOException e) {
      throw new TestnetException("cannot write " + dir.resolve(FILE) + ": " + e, e);
    }
  }
}
