package org.sprintchain.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;
import org.sprintchain.client.KeyringException;
import org.sprintchain.client.RpcException;
import org.sprintchain.testnet.TestnetException;
import org.sprintchain.testnet.bench.TransferBenchmark;

/**
 * The Java side of {@code bin/sprint}: dispatches {@code keys}, {@code tx}, {@code infer}, {@code
 * verify-receipt}, {@code query}, {@code testnet}, {@code load}, {@code node}, {@code bench} and
 * {@code genesis} commands. Exit status: 0 ok, 1 the command failed (message on stderr), 2 the
 * command line is wrong (message and usage on stderr).
 */
public final class SprintCli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private SprintCli() {}

  public static void main(String[] args) {
    int status = run(List.of(args), CliContext.system());
    System.out.flush();
    System.exit(status);
  }

  static int run(List<String> args, CliContext ctx) {
    PrintStream err = ctx.err();
    try {
      return root().run(args, ctx);
    } catch (UsageException e) {
      err.println("sprint: " + e.getMessage());
      err.println();
      err.print(e.usage());
      return USAGE;
    } catch (KeyringException | RpcException | TestnetException | IllegalArgumentException e) {
      err.println("sprint: error: " + e.getMessage());
      return FAILED;
    } catch (RuntimeException e) {
      err.println("sprint: unexpected error: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  /** Validators of {@code bench chain} unless {@code --validators} says otherwise. */
  static final int BENCH_CHAIN_VALIDATORS = 4;

  /**
   * {@code bench chain}: {@link TransferBenchmark} on {@value #BENCH_CHAIN_VALIDATORS} validators
   * per side (a later {@code --validators} wins).
   */
  static int benchChain(String[] args, PrintStream out, PrintStream err) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(
          "Usage: bin/sprint bench chain [options of bench transfers]\n\n"
              + "The chain benchmark: 'bench transfers' with --validators "
              + BENCH_CHAIN_VALIDATORS
              + " by default, i.e. signed transfers\non a "
              + BENCH_CHAIN_VALIDATORS
              + "-validator loopback testnet beside CometBFT's kvstore on an identical"
              + " "
              + BENCH_CHAIN_VALIDATORS
              + "-node\ntestnet, same load generator, same run; prints both and the ratio.\n\n");
    }
    String[] full = new String[args.length + 2];
    full[0] = "--validators";
    full[1] = Integer.toString(BENCH_CHAIN_VALIDATORS);
    System.arraycopy(args, 0, full, 2, args.length);
    return TransferBenchmark.run(full, out, err);
  }

  static CommandGroup root() {
    return new CommandGroup(
        "bin/sprint",
        "sprint",
        "Sprintchain command line (see also 'bin/sprint --help' for build, test, install-cometbft)",
        List.of(
            TestnetCommands.group(),
            new LoadCommand(),
            new CommandGroup(
                "bin/sprint keys",
                "keys",
                "manage signing keys (default home: the local testnet folder)",
                List.of(new KeysAddCommand(), new KeysListCommand(), new KeysShowCommand())),
            new CommandGroup(
                "bin/sprint tx", "tx", "sign and send transactions", List.of(new TxSendCommand())),
            new InferCommand(),
            new VerifyReceiptCommand(),
            new CommandGroup(
                "bin/sprint query",
                "query",
                "read chain state through a node",
                Stream.<Command>concat(
                        Stream.of(new QueryAccountCommand(), new QueryParamsCommand()),
                        QueryJsonCommand.all().stream())
                    .toList()),
            new CommandGroup(
                "bin/sprint sprint",
                "sprint",
                "follow the sprints: epoch, phase, validators' verified work, workers",
                List.of(new SprintStatusCommand())),
            new CommandGroup(
                "bin/sprint node",
                "node",
                "run a single node's app",
                List.of(new NodeStartCommand())),
            new CommandGroup(
                "bin/sprint bench",
                "bench",
                "measure the chain against baselines in the same run",
                List.of(
                    new PassThroughCommand(
                        "chain",
                        "committed signed transfers/s on 4 validators vs CometBFT's kvstore",
                        SprintCli::benchChain),
                    new PassThroughCommand(
                        "transfers",
                        "committed signed transfers/s on a 1-node chain vs CometBFT's kvstore",
                        TransferBenchmark::run),
                    new PassThroughCommand(
                        "model",
                        "sprint model nonces/s and int8 ops/s per backend (scalar, vector, cuda)",
                        ToolBenchmarks::model),
                    new PassThroughCommand(
                        "audit",
                        "audit cost vs generation cost, fake-winner detection rate (no network)",
                        ToolBenchmarks::audit),
                    new PassThroughCommand(
                        "inference",
                        "MiniLM embeddings/s vs ONNX Runtime; paid-job latency on 4 validators",
                        ToolBenchmarks::inference),
                    new PassThroughCommand(
                        "store",
                        "JMH: authenticated commit vs raw RocksDB WriteBatch, reads, proofs",
                        ToolBenchmarks::store))),
            new CommandGroup(
                "bin/sprint genesis",
                "genesis",
                "create and validate genesis files",
                List.of(
                    new GenesisInitCommand(),
                    new GenesisAddAccountCommand(),
                    new GenesisAddWorkerCommand(),
                    new GenesisValidateCommand()))));
  }
}
