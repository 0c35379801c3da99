package org.sprintchain.abci;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real single-validator CometBFT node in a temporary home, pointed at our ABCI server. Short
 * block times keep the test fast; every wait is bounded, and {@link #close()} always kills it.
 */
final class CometBftProcess implements AutoCloseable {
  private static final Pattern HEIGHT = Pattern.compile("\"latest_block_height\":\"(\\d+)\"");
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);

  private final Process process;
  private final Path log;
  private final int rpcPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private CometBftProcess(Process process, Path log, int rpcPort) {
    this.process = process;
    this.log = log;
    this.rpcPort = rpcPort;
  }

  /** Runs {@code cometbft init}, shortens the consensus timeouts, and starts the node. */
  static CometBftProcess start(Path binary, Path home, AbciAddress proxyApp)
      throws IOException, InterruptedException {
    Files.createDirectories(home);
    run(List.of(binary.toString(), "init", "--home", home.toString()), home.resolve("init.log"));
    Path config = home.resolve("config/config.toml");
    String toml = Files.readString(config);
    toml = toml.replaceAll("(?m)^timeout_commit = .*$", "timeout_commit = \"200ms\"");
    toml = toml.replaceAll("(?m)^timeout_propose = .*$", "timeout_propose = \"1s\"");
    Files.writeString(config, toml);

    int p2pPort = freePort();
    int rpcPort = freePort();
    Path log = home.resolve("cometbft.log");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "start",
                "--home",
                home.toString(),
                "--proxy_app",
                proxyApp.toString(),
                "--p2p.laddr",
                "tcp://127.0.0.1:" + p2pPort,
                "--rpc.laddr",
                "tcp://127.0.0.1:" + rpcPort,
                "--consensus.create_empty_blocks=true")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new CometBftProcess(process, log, rpcPort);
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException(command + " failed: " + Files.readString(log));
    }
  }

  /** Next candidate port; a JVM never hands out the same one twice. */
  private static final AtomicInteger NEXT_PORT =
      new AtomicInteger(20_000 + (int) (ProcessHandle.current().pid() % 100) * 10);

  /**
   * A free loopback port below Linux's ephemeral range (32768+): a port from {@code new
   * ServerSocket(0)} is free only until CometBFT binds it, and any outgoing connection may take it
   * meanwhile.
   */
  private static int freePort() throws IOException {
    for (int tries = 0; tries < 2_000; tries++) {
      int port = NEXT_PORT.getAndIncrement();
      if (port >= 22_000) {
        NEXT_PORT.set(20_000);
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IOException("no free port in 20000-21999");
  }

  /** GETs an RPC path such as {@code /status}; the body, or an IOException. */
  String rpc(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpcPort + pathAndQuery))
            .timeout(HTTP_TIMEOUT)
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(pathAndQuery + " -> HTTP " + response.statusCode() + response.body());
    }
    return response.body();
  }

  /** Polls {@code /status} until the node reports {@code height} or more; false on timeout. */
  boolean awaitHeight(long height, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        Matcher m = HEIGHT.matcher(rpc("/status"));
        if (m.find() && Long.parseLong(m.group(1)) >= height) {
          return true;
        }
      } catch (IOException e) {
        // RPC not up yet
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** The last lines of the node's log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the node: SIGTERM, then SIGKILL if it has not exited within 10 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
