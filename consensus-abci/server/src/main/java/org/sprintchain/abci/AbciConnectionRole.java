package org.sprintchain.abci;

import java.util.Locale;
import java.util.Optional;
import tendermint.abci.Request;

/**
 * Which of CometBFT's four ABCI connections a socket is. CometBFT does not announce it, so the
 * server infers it from the first request that only one connection sends, and uses it only to name
 * threads and log lines; it never changes how a request is handled.
 */
enum AbciConnectionRole {
  CONSENSUS,
  MEMPOOL,
  QUERY,
  SNAPSHOT;

  /** The role that sends {@code kind}, or empty when several connections send it (echo, flush). */
  static Optional<AbciConnectionRole> sending(Request.ValueCase kind) {
    return switch (kind) {
      case INIT_CHAIN,
          PREPARE_PROPOSAL,
          PROCESS_PROPOSAL,
          EXTEND_VOTE,
          VERIFY_VOTE_EXTENSION,
          FINALIZE_BLOCK,
          COMMIT ->
          Optional.of(CONSENSUS);
      case CHECK_TX -> Optional.of(MEMPOOL);
      case INFO, QUERY -> Optional.of(QUERY);
      case LIST_SNAPSHOTS, OFFER_SNAPSHOT, LOAD_SNAPSHOT_CHUNK, APPLY_SNAPSHOT_CHUNK ->
          Optional.of(SNAPSHOT);
      case ECHO, FLUSH, VALUE_NOT_SET -> Optional.empty();
    };
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
