package org.sprintchain.testnet;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to run the Sprintchain app of a node: {@code java [jvmOptions] -cp classpath
 * org.sprintchain.node.NodeMain --home DIR --abci tcp://127.0.0.1:PORT [appArgs]}, where {@code
 * appArgs} are further NodeMain flags (e.g. {@code --snapshot-interval 5}).
 */
public record AppLauncher(
    String javaBinary, String classpath, List<String> jvmOptions, List<String> appArgs) {
  public static final String MAIN_CLASS = "org.sprintchain.node.NodeMain";

  /**
   * Default JVM options of a node: a modest heap, since testnets share one machine, and the Vector
   * API module so the sprint worker can use the vector backend.
   */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector");

  public AppLauncher {
    jvmOptions = List.copyOf(jvmOptions);
    appArgs = List.copyOf(appArgs);
  }

  /** A launcher that passes no further flags to NodeMain. */
  public AppLauncher(String javaBinary, String classpath, List<String> jvmOptions) {
    this(javaBinary, classpath, jvmOptions, List.of());
  }

  /** This launcher with {@code args} appended to NodeMain's command line. */
  public AppLauncher withAppArgs(List<String> args) {
    return new AppLauncher(javaBinary, classpath, jvmOptions, args);
  }

  /**
   * The java binary and class path (made absolute) of this JVM (bin/sprint's {@code
   * cli/target/lib/*}, or a test's class path), with {@link #DEFAULT_JVM_OPTIONS} plus any options
   * in {@code SPRINT_NODE_JAVA_OPTS}.
   */
  public static AppLauncher currentJvm() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> options = new ArrayList<>(DEFAULT_JVM_OPTIONS);
    String extra = System.getenv("SPRINT_NODE_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.trim().split("\\s+")));
    }
    return new AppLauncher(java, absolute(System.getProperty("java.class.path")), options);
  }

  /** The class path with absolute entries, since nodes run from their own folders. */
  static String absolute(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(e -> !e.isEmpty())
        .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  public List<String> command(Path home, NodePorts ports) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary);
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(MAIN_CLASS);
    cmd.add("--home");
    cmd.add(home.toString());
    cmd.add("--abci");
    cmd.add(ports.abciAddress());
    cmd.addAll(appArgs);
    return cmd;
  }
}
