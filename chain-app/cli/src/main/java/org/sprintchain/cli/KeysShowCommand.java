package org.sprintchain.cli;

import java.util.Set;
import org.sprintchain.client.KeyInfo;

final class KeysShowCommand extends LeafCommand {
  @Override
  public String name() {
    return "show";
  }

  @Override
  public String summary() {
    return "print a key's address and public key";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint keys show NAME [--home H] [--address]

        Prints the key's name, address and public key (hex).

        Options:
          --home H    key home (default: the local testnet folder, <repo>/.testnet)
          --address   print only the address
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("home");
  }

  @Override
  Set<String> flags() {
    return Set.of("address");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    KeyInfo key = ctx.keyring(args).show(args.positionals("NAME").get(0));
    if (args.flag("address")) {
      ctx.out().println(key.address());
    } else {
      print(ctx, key);
    }
    return 0;
  }

  static void print(CliContext ctx, KeyInfo key) {
    ctx.out().println("name:       " + key.name());
    ctx.out().println("address:    " + key.address());
    ctx.out().println("public key: " + key.publicKeyHex());
  }
}
