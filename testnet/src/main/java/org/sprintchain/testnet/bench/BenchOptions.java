package org.sprintchain.testnet.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The command line of {@code bench transfers}.
 *
 * @param dir where both chains and the results live; empty means a fresh temporary folder
 */
record BenchOptions(
    int validators,
    Duration warmup,
    Duration duration,
    int clients,
    int accounts,
    int targetTps,
    Duration blockInterval,
    Optional<Path> dir,
    boolean keep,
    boolean help) {

  static final String USAGE =
      """
      Usage: bin/sprint bench transfers [--duration S] [--warmup S] [--clients C] [--accounts A]
                                        [--validators N] [--target-tps N] [--block-interval-ms MS]
                                        [--dir D] [--keep]

      Runs, one after the other on this machine, a Sprintchain testnet (1 validator by default)
      under a load of signed transfers, then a CometBFT testnet of the same size with its built-in
      kvstore app (same consensus, mempool and block settings) under kvstore txs of the same byte
      length, both driven by the same load generator. Prints committed tx/s counted from the blocks,
      submit-to-block latency, and the ratio sprint/kvstore, and writes them to
      D/bench-transfers.json.

        --duration S          measurement window per side, seconds (default 30)
        --warmup S            load before the window opens, seconds (default 10)
        --clients C           sending threads, one account stream each (default 64: CometBFT's
                              socket client batches CheckTx every 20 ms, so fewer clients
                              measure the client's round trips, not the chain)
        --accounts A          funded sender accounts, at least C (default 256)
        --validators N        validators per testnet, all on this machine (default 1)
        --target-tps N        total submissions per second; 0 = as fast as the node takes them
                              (default 0)
        --block-interval-ms   CometBFT timeout_commit of both chains (default 500)
        --dir D               folder for both chains and the JSON (default: a new temp folder);
                              must not hold a previous run
        --keep                keep the chains' data after the run (default: delete it, keep JSON)
        --help                this text
      """;

  static BenchOptions parse(String[] args) {
    Duration warmup = Duration.ofSeconds(10);
    Duration duration = Duration.ofSeconds(30);
    int clients = 64;
    int accounts = 256;
    int targetTps = 0;
    int validators = 1;
    Duration interval = Duration.ofMillis(500);
    Optional<Path> dir = Optional.empty();
    boolean keep = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--keep" -> keep = true;
        case "--duration" -> duration = Duration.ofSeconds(positive(a, value(args, ++i, a), 3600));
        case "--warmup" -> warmup = Duration.ofSeconds(range(a, value(args, ++i, a), 0, 600));
        case "--clients" -> clients = (int) positive(a, value(args, ++i, a), 256);
        case "--accounts" -> accounts = (int) positive(a, value(args, ++i, a), 100_000);
        case "--validators" -> validators = (int) positive(a, value(args, ++i, a), 16);
        case "--target-tps" -> targetTps = (int) range(a, value(args, ++i, a), 0, 1_000_000);
        case "--block-interval-ms" ->
            interval = Duration.ofMillis(range(a, value(args, ++i, a), 10, 60_000));
        case "--dir" -> dir = Optional.of(Path.of(value(args, ++i, a)));
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; see --help");
      }
    }
    if (accounts < clients) {
      throw new IllegalArgumentException(
          "--accounts (" + accounts + ") must be at least --clients (" + clients + ")");
    }
    return new BenchOptions(
        validators, warmup, duration, clients, accounts, targetTps, interval, dir, keep, help);
  }

  /** {@code args[i]}, the value of {@code option}; shared by the bench option parsers here. */
  static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static long positive(String option, String text, long max) {
    return range(option, text, 1, max);
  }

  /** {@code text} as an integer in [min, max], or a message naming {@code option}. */
  static long range(String option, String text, long min, long max) {
    long v;
    try {
      v = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, got '" + text + "'", e);
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          option + " must be in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }
}
