package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.sprintchain.genesis.GenesisBuilder;
import org.sprintchain.genesis.GenesisValidator;

/**
 * {@code genesis add-worker}: registers a worker's consensus key with an initial voting power.
 * Until proof-of-compute-work exists, a worker is a genesis validator; later its power will come
 * from verified work.
 */
final class GenesisAddWorkerCommand extends LeafCommand {
  static final long DEFAULT_POWER = 10;

  @Override
  public String name() {
    return "add-worker";
  }

  @Override
  public String summary() {
    return "register a worker's consensus key (a genesis validator)";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint genesis add-worker --file F (--key-file K | --pubkey P) [--power N]
                                             [--name NAME]

        Adds a validator to F's validators: the worker's ed25519 consensus public key with an
        initial voting power. Today that is all a worker is; once proof-of-compute-work lands its
        power will come from verified work each epoch. Refuses a key that is already there.

        Options:
          --file F       the genesis.json to edit
          --key-file K   the worker node's priv_validator_key.json (only the public key is read)
          --pubkey P     or the public key itself: base64 (as in genesis.json) or 64 hex digits
          --power N      initial voting power, > 0 (default 10)
          --name NAME    a label for the validator (default: worker-<first 8 hex of its address>)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("file", "key-file", "pubkey", "power", "name");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Path file = Path.of(args.required("file"));
    long power = args.longOption("power").orElse(DEFAULT_POWER);
    if (power <= 0) {
      throw new UsageException("--power must be > 0, got " + power);
    }
    GenesisBuilder builder = GenesisBuilder.fromFile(file);
    if (args.option("key-file").isPresent() == args.option("pubkey").isPresent()) {
      throw new UsageException("give exactly one of --key-file and --pubkey");
    }
    byte[] key =
        args.option("key-file").isPresent()
            ? GenesisValidator.fromPrivValidatorKey(Path.of(args.required("key-file")), "", power)
                .publicKey()
            : publicKey(args.required("pubkey"));
    GenesisValidator probe = new GenesisValidator("", key, power);
    String name = args.option("name").orElse("worker-" + probe.cometAddress().substring(0, 8));
    GenesisValidator worker = new GenesisValidator(name, key, power);
    builder.addValidator(worker).writeTo(file);
    ctx.out()
        .println(
            "added worker "
                + worker.cometAddress()
                + " (pubkey "
                + worker.publicKeyBase64()
                + ") with power "
                + power
                + " to "
                + file);
    return 0;
  }

  private static byte[] publicKey(String text) {
    if (text.matches("[0-9a-fA-F]{64}")) {
      return HexFormat.of().parseHex(text);
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--pubkey must be base64 or 64 hex digits: " + e.getMessage());
    }
  }
}
