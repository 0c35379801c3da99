package org.sprintchain.node.worker;

import java.util.Locale;

/**
 * Ways a worker can misbehave, for research and the protocol's own tests ({@code --byzantine}).
 * Each is a cheat the chain must catch or a behaviour it must price correctly (docs/protocol.md
 * §11).
 */
public enum ByzantineMode {
  /** Honest. */
  NONE,
  /** Pads its winners with as many nonces that do not win, published with their true digests. */
  FAKE_WINNERS,
  /** Evaluates a tenth of the nonces it could: honest, but earns less. */
  LAZY,
  /** Commits and never reveals. */
  WITHHOLD,
  /** Commits leaves computed under another worker's key (another's work). */
  COPY,
  /** Pads its winners with made-up digests below the target, and defends them in disputes. */
  FORGE_DIGESTS,
  /** As an inference executor, returns a wrong output (with a matching digest). */
  WRONG_OUTPUT;

  /** Parses {@code fake-winners} etc. */
  public static ByzantineMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown byzantine mode '"
              + text
              + "' (none, fake-winners, lazy, withhold, copy, forge-digests, wrong-output)");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
