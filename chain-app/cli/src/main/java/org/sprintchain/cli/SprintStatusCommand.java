package org.sprintchain.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.Keyring;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.SprintQueries;
import org.sprintchain.testnet.TestnetManifest;

final class SprintStatusCommand extends LeafCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String summary() {
    return "the current sprint, the validator set and its work, the last settled epoch";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint sprint status [--node URL] [--worker ADDR] [--home DIR] [--json]

        Prints, from the node's app: the epoch and phase of the next block (with the blocks left
        in the phase), the epoch's seed, its settle height, the number of workers and of open
        disputes; the validator set with power, share and verified work; the last settled epoch
        with every worker's outcome, work, power, reward and slash. Then the node's local worker
        figures (nonces/s, audits sent, ...) from DIR/worker-status.json, or "worker status: not
        available". Exit 1 when the node cannot be asked or the chain has no sprints.

        Options:
          --node URL     CometBFT RPC (default: node0 of the local testnet, else
                         http://127.0.0.1:26657)
          --worker ADDR  also show this worker (an spr1... operator address or a key name of the
                         local testnet): its commitment, sample, openings and published digests
                         in the current epoch, its deposit and jail (default: none)
          --home DIR     the node's home, where its worker writes worker-status.json (default:
                         node0's folder of the local testnet when --node is not given)
          --json         print the app's answers and the worker file as one JSON object
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("node", "worker", "home");
  }

  @Override
  Set<String> flags() {
    return Set.of("json");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Optional<Address> worker =
        args.option("worker")
            .map(w -> AddressArgument.resolve("--worker", w, new Keyring(ctx.testnetDir())));
    URI node = ctx.node(args);
    SprintStatus.LocalWorker local =
        nodeHome(args, ctx)
            .map(SprintStatus.LocalWorker::readFrom)
            .orElse(SprintStatus.LocalWorker.none());
    SprintStatus status;
    try (CometRpcClient rpc = new CometRpcClient(node)) {
      status = SprintStatus.fetch(node.toString(), new SprintQueries(rpc), worker, local);
    } catch (RpcException e) {
      throw QueryJsonCommand.explained(node, e);
    }
    if (args.flag("json")) {
      try {
        ctx.out()
            .println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(status.toJson()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      ctx.out().print(SprintStatusView.render(status));
    }
    return 0;
  }

  /** {@code --home}, else node0's folder of the local testnet when {@code --node} is not given. */
  static Optional<Path> nodeHome(Args args, CliContext ctx) {
    Optional<String> home = args.option("home");
    if (home.isPresent()) {
      return home.map(Path::of);
    }
    if (args.option("node").isEmpty() && TestnetManifest.existsIn(ctx.testnetDir())) {
      return Optional.of(
          ctx.testnetDir().resolve(TestnetManifest.read(ctx.testnetDir()).nodes().get(0).name()));
    }
    return Optional.empty();
  }
}
