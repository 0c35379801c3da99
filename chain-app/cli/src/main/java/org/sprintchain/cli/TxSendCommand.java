package org.sprintchain.cli;

import java.time.Duration;
import java.util.Set;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.Keyring;
import org.sprintchain.client.TxOutcome;
import org.sprintchain.client.TxSender;

final class TxSendCommand extends LeafCommand {
  @Override
  public String name() {
    return "send";
  }

  @Override
  public String summary() {
    return "send tokens and wait for inclusion";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint tx send --from KEY --to ADDR --amount N [--fee F] [--node URL] [--home H]

        Signs a transfer with the key KEY, broadcasts it and waits until it is in a block. Prints
        the tx hash, height, result code (0 = ok, else a RejectReason code) and log; exits 1 when
        the tx was refused or failed.

        Options:
          --from KEY     name of the signing key in H/keys
          --to ADDR      recipient: an spr1... address or the name of a local key
          --amount N     tokens to send (> 0)
          --fee F        fee (default: the chain's min_fee param)
          --timeout S    seconds to wait for inclusion (default 30)
          --node URL     CometBFT RPC (default: node0 of the local testnet, else
                         http://127.0.0.1:26657)
          --home H       key home (default: the local testnet folder, <repo>/.testnet)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("from", "to", "amount", "fee", "node", "home", "timeout");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Keyring keyring = ctx.keyring(args);
    String from = args.required("from");
    Address to = AddressArgument.resolve("--to", args.required("to"), keyring);
    long amount = args.longOption("amount").orElseThrow(() -> missing("amount"));
    if (amount <= 0) {
      throw new UsageException("--amount must be > 0, got " + amount);
    }
    long timeout = args.longOption("timeout").orElse(30L);
    Ed25519.KeyPair key = keyring.keyPair(from);
    try (CometRpcClient rpc = new CometRpcClient(ctx.node(args))) {
      long fee = args.longOption("fee").orElseGet(() -> new ChainQueries(rpc).params().minFee());
      if (fee < 0) {
        throw new UsageException("--fee must be >= 0, got " + fee);
      }
      TxOutcome outcome = new TxSender(rpc, Duration.ofSeconds(timeout)).send(key, to, amount, fee);
      ctx.out().println("tx hash: " + outcome.hash());
      ctx.out().println("height:  " + (outcome.included() ? outcome.height() : "- (not included)"));
      ctx.out().println("code:    " + outcome.code() + (outcome.code() == 0 ? " (ok)" : ""));
      ctx.out().println("log:     " + outcome.log());
      return outcome.ok() ? 0 : 1;
    }
  }

  private static UsageException missing(String option) {
    return new UsageException("missing required option --" + option);
  }
}
