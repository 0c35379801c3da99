package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Set;
import org.sprintchain.genesis.AppParams;
import org.sprintchain.genesis.GenesisBuilder;

final class GenesisInitCommand extends LeafCommand {
  @Override
  public String name() {
    return "init";
  }

  @Override
  public String summary() {
    return "turn a CometBFT genesis.json into a Sprintchain genesis";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint genesis init --file F --chain-id ID [--min-fee N] [--max-tx-bytes N]

        Rewrites F (a genesis.json from 'cometbft init') in place: sets chain_id and app_state
        params, keeps its validators and any accounts already in app_state.

        Options:
          --file F           the genesis.json to edit
          --chain-id ID      chain id (letters, digits, '.', '_', '-'; at most 50)
          --min-fee N        minimum tx fee (default 1)
          --max-tx-bytes N   largest tx in bytes (default 65536)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("file", "chain-id", "min-fee", "max-tx-bytes");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Path file = Path.of(args.required("file"));
    AppParams params =
        new AppParams(
            args.longOption("min-fee").orElse(AppParams.DEFAULT.minFee()),
            args.longOption("max-tx-bytes").orElse(AppParams.DEFAULT.maxTxBytes()));
    GenesisBuilder.fromFile(file).chainId(args.required("chain-id")).params(params).writeTo(file);
    ctx.out().println("wrote " + file);
    return 0;
  }
}
