package org.sprintchain.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sprintchain.client.KeyInfo;

final class KeysListCommand extends LeafCommand {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public String summary() {
    return "list stored keys";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint keys list [--home H]

        Lists the keys in H/keys: name and address, one per line.

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
    args.noPositionals();
    List<KeyInfo> keys = ctx.keyring(args).list();
    if (keys.isEmpty()) {
      ctx.err().println("no keys in " + ctx.keyring(args).directory());
    }
    for (KeyInfo k : keys) {
      ctx.out().printf(Locale.ROOT, "%-20s %s%n", k.name(), k.address());
    }
    return 0;
  }
}
