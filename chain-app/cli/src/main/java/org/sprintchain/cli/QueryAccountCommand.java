package org.sprintchain.cli;

import java.util.Set;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.AccountInfo;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.ProvenAnswer;
import org.sprintchain.client.ProvenQueries;

final class QueryAccountCommand extends LeafCommand {
  @Override
  public String name() {
    return "account";
  }

  @Override
  public String summary() {
    return "print an account's balance and sequence (--prove: checked against the app hash)";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint query account ADDR [--prove] [--node URL] [--home H]

        Prints the account's address, balance and next sequence (an account never written has
        balance 0 and sequence 0).

        Arguments:
          ADDR         an spr1... address or the name of a local key

        Options:
          --prove      ask for a Merkle proof and verify it against the app hash in the header of
                       the next block (waits briefly for that block); exit 1 when it does not
                       verify. The header is taken from the node as is: its validator signatures
                       are not checked (no light client yet)
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
  Set<String> flags() {
    return Set.of("prove");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    Address address =
        AddressArgument.resolve("ADDR", args.positionals("ADDR").get(0), ctx.keyring(args));
    try (CometRpcClient rpc = new CometRpcClient(ctx.node(args))) {
      if (!args.flag("prove")) {
        print(ctx, new ChainQueries(rpc).account(address));
        return 0;
      }
      return ProofOutput.print(
          ctx,
          () -> new ProvenQueries(rpc).account(address),
          (ProvenAnswer<AccountInfo> proven) -> print(ctx, proven.value()));
    }
  }

  private static void print(CliContext ctx, AccountInfo account) {
    ctx.out().println("address:  " + account.address());
    ctx.out().println("balance:  " + account.balance());
    ctx.out().println("sequence: " + account.sequence());
  }
}
