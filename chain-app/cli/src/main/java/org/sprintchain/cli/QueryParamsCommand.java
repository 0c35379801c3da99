package org.sprintchain.cli;

import java.util.Set;
import org.sprintchain.client.ChainParams;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.ProvenAnswer;
import org.sprintchain.client.ProvenQueries;

final class QueryParamsCommand extends LeafCommand {
  @Override
  public String name() {
    return "params";
  }

  @Override
  public String summary() {
    return "print the chain params (--prove: checked against the app hash)";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint query params [--prove] [--node URL] [--home H]

        Prints the chain params: min_fee and max_tx_bytes.

        Options:
          --prove      ask for a Merkle proof and verify it against the app hash in the header of
                       the next block (waits briefly for that block); exit 1 when it does not
                       verify. The header is taken from the node as is: its validator signatures
                       are not checked (no light client yet)
          --node URL   CometBFT RPC (default: node0 of the local testnet, else
                       http://127.0.0.1:26657)
          --home H     testnet folder for the default --node
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("node", "home");
  }

  @Override
  Set<String> flags() {
    return Set.of("prove");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    try (CometRpcClient rpc = new CometRpcClient(ctx.node(args))) {
      if (!args.flag("prove")) {
        print(ctx, new ChainQueries(rpc).params());
        return 0;
      }
      return ProofOutput.print(
          ctx,
          () -> new ProvenQueries(rpc).params(),
          (ProvenAnswer<ChainParams> proven) -> print(ctx, proven.value()));
    }
  }

  private static void print(CliContext ctx, ChainParams params) {
    ctx.out().println("min_fee:      " + params.minFee());
    ctx.out().println("max_tx_bytes: " + params.maxTxBytes());
  }
}
