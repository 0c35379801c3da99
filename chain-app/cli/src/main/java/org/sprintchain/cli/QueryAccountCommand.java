package org.sprintchain.cli;

import java.util.Set;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.AccountInfo;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;

final class QueryAccountCommand extends LeafCommand {
  @Override
  public String name() {
    return "account";
  }

  @Override
  public String summary() {
    return "print an account's balance and sequence";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint query account ADDR [--node URL] [--home H]

        Prints the account's address, balance and next sequence (an account never written has
        balance 0 and sequence 0).

        Arguments:
          ADDR         an spr1... address or the name of a local key

        Options:
          --node URL   CometBFT RPC (default: node0 of the local testnet, else
                       http://127.0.0.1:26657)
          --home H     key home, for key names (default: the local testnet folder)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("node", "home");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    Address address =
        AddressArgument.resolve("ADDR", args.positionals("ADDR").get(0), ctx.keyring(args));
    try (CometRpcClient rpc = new CometRpcClient(ctx.node(args))) {
      AccountInfo account = new ChainQueries(rpc).account(address);
      ctx.out().println("address:  " + account.address());
      ctx.out().println("balance:  " + account.balance());
      ctx.out().println("sequence: " + account.sequence());
    }
    return 0;
  }
}
