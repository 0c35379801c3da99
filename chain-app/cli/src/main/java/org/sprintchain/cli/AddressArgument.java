package org.sprintchain.cli;

import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.Keyring;

/** Reads an account argument: a bech32 address ({@code spr1...}) or the name of a local key. */
final class AddressArgument {
  private AddressArgument() {}

  static Address resolve(String option, String text, Keyring keyring) {
    if (text.startsWith(Address.HRP + "1")) {
      try {
        return Address.parse(text);
      } catch (IllegalArgumentException e) {
        throw new UsageException(option + ": invalid address '" + text + "': " + e.getMessage());
      }
    }
    if (keyring.contains(text)) {
      return keyring.show(text).address();
    }
    throw new UsageException(
        option
            + ": '"
            + text
            + "' is neither an address (spr1...) nor a key in "
            + keyring.directory());
  }
}
