package org.sprintchain.cli;

import java.util.Set;
import org.sprintchain.client.KeyInfo;

final class KeysAddCommand extends LeafCommand {
  @Override
  public String name() {
    return "add";
  }

  @Override
  public String summary() {
    return "create a new ed25519 key";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint keys add NAME [--home H]

        Creates a new ed25519 key and stores it unencrypted in H/keys/NAME.json (mode 0600).
        Refuses to overwrite an existing key.

        Options:
          --home H   key home (default: the local testnet folder, <repo>/.testnet)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("home");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    String name = args.positionals("NAME").get(0);
    KeyInfo key = ctx.keyring(args).add(name);
    KeysShowCommand.print(ctx, key);
    ctx.err().println("key saved unencrypted in " + ctx.keyring(args).directory());
    return 0;
  }
}
