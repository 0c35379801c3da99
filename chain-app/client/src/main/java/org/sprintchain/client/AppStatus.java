package org.sprintchain.client;

/**
 * The app's own view from {@code /status}.
 *
 * @param appHash upper-case hex
 */
public record AppStatus(String chainId, long height, String appHash) {}
