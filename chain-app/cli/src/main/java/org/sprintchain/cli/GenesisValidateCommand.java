package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Set;
import org.sprintchain.genesis.GenesisAccount;
import org.sprintchain.genesis.GenesisBuilder;

final class GenesisValidateCommand extends LeafCommand {
  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "check a genesis file";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint genesis validate --file F

        Checks F: chain_id, validators (ed25519 keys, positive power, addresses), and app_state
        (params, accounts with valid spr1 addresses, integer balances, no duplicates, total
        supply within int64). Prints a summary, or the first bad field and exits 1.

        Options:
          --file F   the genesis.json to check
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("file");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Path file = Path.of(args.required("file"));
    GenesisBuilder genesis;
    try {
      genesis = GenesisBuilder.validate(java.nio.file.Files.readString(file));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
    }
    long supply = genesis.accounts().stream().mapToLong(GenesisAccount::balance).sum();
    ctx.out().println(file + " is valid");
    ctx.out().println("chain id:   " + genesis.chainId());
    ctx.out().println("validators: " + genesis.validators().size());
    ctx.out().println("accounts:   " + genesis.accounts().size() + " (total " + supply + ")");
    ctx.out()
        .println(
            "params:     min_fee="
                + genesis.params().minFee()
                + " max_tx_bytes="
                + genesis.params().maxTxBytes());
    return 0;
  }
}
