package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.genesis.GenesisBuilder;

final class GenesisAddAccountCommand extends LeafCommand {
  @Override
  public String name() {
    return "add-account";
  }

  @Override
  public String summary() {
    return "fund an account in a genesis file";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint genesis add-account ADDR BALANCE --file F [--home H]

        Adds an account with BALANCE tokens to app_state.accounts of F; refuses an address that
        is already there.

        Arguments:
          ADDR      an spr1... address or the name of a local key
          BALANCE   a non-negative integer

        Options:
          --file F   the genesis.json to edit
          --home H   key home, for key names (default: the local testnet folder)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("file", "home");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    List<String> pos = args.positionals("ADDR", "BALANCE");
    Path file = Path.of(args.required("file"));
    Address address = AddressArgument.resolve("ADDR", pos.get(0), ctx.keyring(args));
    long balance;
    try {
      balance = Long.parseLong(pos.get(1));
    } catch (NumberFormatException e) {
      throw new UsageException("BALANCE must be an integer, got '" + pos.get(1) + "'");
    }
    GenesisBuilder.fromFile(file).addAccount(address, balance).writeTo(file);
    ctx.out().println("added " + address + " with " + balance + " to " + file);
    return 0;
  }
}
