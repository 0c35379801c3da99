package org.sprintchain.client;

import org.sprintchain.chain.crypto.Address;

/**
 * An account as {@code /account/<addr>} reports it.
 *
 * @param sequence the sequence the account's next transaction must carry
 */
public record AccountInfo(Address address, long balance, long sequence) {}
