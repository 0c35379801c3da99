package org.sprintchain.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.SprintQueries;

/**
 * {@code query sprint|worker|validators|dispute}: one sprint read path, its JSON answer printed
 * pretty. The arguments are checked here, so a malformed one is a usage error (exit 2) rather than
 * the app's code 105.
 */
final class QueryJsonCommand extends LeafCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPTIONS =
      """

      Options:
        --node URL   CometBFT RPC (default: node0 of the local testnet, else
                     http://127.0.0.1:26657)
        --home H     key home, for key names (default: the local testnet folder)
      """;

  private final String name;
  private final String summary;
  private final String usage;
  private final BiFunction<Args, CliContext, Function<SprintQueries, JsonNode>> query;

  private QueryJsonCommand(
      String name,
      String summary,
      String usage,
      BiFunction<Args, CliContext, Function<SprintQueries, JsonNode>> query) {
    this.name = name;
    this.summary = summary;
    this.usage = usage + OPTIONS;
    this.query = query;
  }

  static List<Command> all() {
    return List.of(
        new QueryJsonCommand(
            "sprint",
            "print a sprint path's JSON: current, params, an epoch, a worker in it, audits",
            """
            Usage: bin/sprint query sprint [current | params | EPOCH [WORKER | audits AUDITOR]]

            Prints the app's JSON answer of:
              current (default)       /sprint/current: epoch and phase of the next block, seed,
                                      settle height, workers, open disputes
              params                  /sprint/params
              EPOCH                   /sprint/EPOCH: status, emission, every worker's result
              EPOCH WORKER            /sprint/EPOCH/WORKER: commitment, sample, openings, digests
              EPOCH audits AUDITOR    /sprint/EPOCH/audits/AUDITOR: openings it must recompute
            WORKER and AUDITOR are spr1... addresses or local key names.
            """,
            QueryJsonCommand::sprint),
        new QueryJsonCommand(
            "worker",
            "print /worker/ADDR: deposit, jail, verified work, history",
            """
            Usage: bin/sprint query worker ADDR [--node URL] [--home H]

            Prints /worker/ADDR: the worker's deposit, jailed_through, jailed, last_work and its
            recent history. ADDR is an spr1... operator address or a local key name.
            """,
            (args, ctx) -> {
              var w = address("ADDR", args.positionals("ADDR").get(0), args, ctx);
              return q -> q.worker(w);
            }),
        new QueryJsonCommand(
            "validators",
            "print /validators: power and verified work of the app's validator set",
            """
            Usage: bin/sprint query validators [--node URL]

            Prints /validators: each validator's pub_key, address, power, operator and last_work,
            and total_power.
            """,
            (args, ctx) -> {
              args.noPositionals();
              return SprintQueries::validators;
            }),
        new QueryJsonCommand(
            "dispute",
            "print /dispute/ID, or the open disputes without ID",
            """
            Usage: bin/sprint query dispute [ID] [--node URL]

            Prints /dispute/ID, or /disputes (the open ones and the next id) without ID.
            """,
            (args, ctx) -> {
              List<String> p = args.positionals();
              if (p.size() > 1) {
                throw new UsageException("unexpected argument '" + p.get(1) + "'");
              }
              if (p.isEmpty()) {
                return SprintQueries::disputes;
              }
              long id = number("ID", p.get(0));
              return q -> q.dispute(id);
            }));
  }

  private static Function<SprintQueries, JsonNode> sprint(Args args, CliContext ctx) {
    List<String> p = args.positionals();
    if (p.isEmpty() || (p.size() == 1 && p.get(0).equals("current"))) {
      return SprintQueries::current;
    }
    if (p.size() == 1 && p.get(0).equals("params")) {
      return SprintQueries::params;
    }
    long epoch = number("EPOCH", p.get(0));
    if (p.size() == 1) {
      return q -> q.epoch(epoch);
    }
    if (p.size() == 2 && p.get(1).equals("audits")) {
      throw new UsageException("expected AUDITOR after 'audits'");
    }
    if (p.size() == 2) {
      var w = address("WORKER", p.get(1), args, ctx);
      return q -> q.workerInEpoch(epoch, w);
    }
    if (p.size() == 3 && p.get(1).equals("audits")) {
      var a = address("AUDITOR", p.get(2), args, ctx);
      return q -> q.audits(epoch, a);
    }
    throw new UsageException(
        "expected current, params, EPOCH, EPOCH WORKER or EPOCH audits AUDITOR, got '"
            + String.join(" ", p)
            + "'");
  }

  private static org.sprintchain.chain.crypto.Address address(
      String what, String text, Args args, CliContext ctx) {
    return AddressArgument.resolve(what, text, ctx.keyring(args));
  }

  private static long number(String what, String text) {
    if (!text.matches("[0-9]{1,18}")) {
      throw new UsageException(what + " must be a number >= 0, got '" + text + "'");
    }
    return Long.parseLong(text);
  }

  /** {@code e}, or for a chain without sprints, an error that says so and names the node. */
  static RpcException explained(URI node, RpcException e) {
    return SprintQueries.isNoSprints(e)
        ? new RpcException("the chain at " + node + " has no sprints (" + e.getMessage() + ")")
        : e;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public String usage() {
    return usage;
  }

  @Override
  Set<String> options() {
    return Set.of("node", "home");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    Function<SprintQueries, JsonNode> q = query.apply(args, ctx);
    URI node = ctx.node(args);
    JsonNode answer;
    try (CometRpcClient rpc = new CometRpcClient(node)) {
      answer = q.apply(new SprintQueries(rpc));
    } catch (RpcException e) {
      throw explained(node, e);
    }
    try {
      ctx.out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return 0;
  }
}
