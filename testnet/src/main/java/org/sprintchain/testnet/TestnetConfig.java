package org.sprintchain.testnet;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link LocalTestnet#init} creates.
 *
 * @param dir the testnet folder (bin/sprint's default: {@code <repo>/.testnet})
 * @param validators how many validator nodes, each with the same power
 * @param basePort the first port of the layout (see {@link PortAllocator})
 * @param blockInterval CometBFT's {@code timeout_commit}
 * @param app which ABCI app the nodes run
 * @param demoBalance the genesis balance of the {@code demo} key and of each {@code validatorI} key
 * @param sprint epoch length and model preset (recorded for the PoCW issue; see {@link
 *     SprintSettings})
 */
public record TestnetConfig(
    Path dir,
    int validators,
    int basePort,
    Duration blockInterval,
    App app,
    String chainId,
    long demoBalance,
    CometBft cometBft,
    AppLauncher launcher,
    SprintSettings sprint) {

  /** The ABCI application of the nodes. */
  public enum App {
    /** The Sprintchain app (NodeMain), one JVM per node. */
    SPRINT,
    /** CometBFT's built-in kvstore example, for baselines; no app process. */
    KVSTORE
  }

  public static final String DEFAULT_CHAIN_ID = "sprint-localnet";
  public static final long DEFAULT_BALANCE = 1_000_000_000L;

  public TestnetConfig {
    if (validators < 1 || validators > PortAllocator.MAX_NODES) {
      throw new IllegalArgumentException(
          "validators must be in [1, " + PortAllocator.MAX_NODES + "], got " + validators);
    }
    PortAllocator.layout(basePort, validators); // checks the range
    if (sprint == null) {
      sprint = SprintSettings.DEFAULT;
    }
  }

  /** The configuration without sprint settings ({@link SprintSettings#DEFAULT}). */
  public TestnetConfig(
      Path dir,
      int validators,
      int basePort,
      Duration blockInterval,
      App app,
      String chainId,
      long demoBalance,
      CometBft cometBft,
      AppLauncher launcher) {
    this(
        dir,
        validators,
        basePort,
        blockInterval,
        app,
        chainId,
        demoBalance,
        cometBft,
        launcher,
        SprintSettings.DEFAULT);
  }

  /** Defaults: base port 26656, 500 ms blocks, the Sprintchain app run by this JVM's java. */
  public static TestnetConfig of(Path dir, int validators) {
    return new TestnetConfig(
        dir,
        validators,
        PortAllocator.DEFAULT_BASE_PORT,
        CometConfig.DEFAULT_BLOCK_INTERVAL,
        App.SPRINT,
        DEFAULT_CHAIN_ID,
        DEFAULT_BALANCE,
        CometBft.locate(),
        AppLauncher.currentJvm());
  }

  public TestnetConfig withBasePort(int port) {
    return new TestnetConfig(
        dir,
        validators,
        port,
        blockInterval,
        app,
        chainId,
        demoBalance,
        cometBft,
        launcher,
        sprint);
  }

  public TestnetConfig withBlockInterval(Duration interval) {
    return new TestnetConfig(
        dir, validators, basePort, interval, app, chainId, demoBalance, cometBft, launcher, sprint);
  }

  public TestnetConfig withApp(App newApp) {
    return new TestnetConfig(
        dir,
        validators,
        basePort,
        blockInterval,
        newApp,
        chainId,
        demoBalance,
        cometBft,
        launcher,
        sprint);
  }

  public TestnetConfig withChainId(String id) {
    return new TestnetConfig(
        dir, validators, basePort, blockInterval, app, id, demoBalance, cometBft, launcher, sprint);
  }

  public TestnetConfig withCometBft(CometBft binary) {
    return new TestnetConfig(
        dir,
        validators,
        basePort,
        blockInterval,
        app,
        chainId,
        demoBalance,
        binary,
        launcher,
        sprint);
  }

  public TestnetConfig withLauncher(AppLauncher newLauncher) {
    return new TestnetConfig(
        dir,
        validators,
        basePort,
        blockInterval,
        app,
        chainId,
        demoBalance,
        cometBft,
        newLauncher,
        sprint);
  }

  public TestnetConfig withSprint(SprintSettings settings) {
    return new TestnetConfig(
        dir,
        validators,
        basePort,
        blockInterval,
        app,
        chainId,
        demoBalance,
        cometBft,
        launcher,
        settings);
  }
}
