package org.sprintchain.node;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.chain.AppInfo;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.store.SnapshotImportResult;
import org.sprintchain.store.SnapshotImporter;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreUnavailableException;
import tendermint.abci.RequestApplySnapshotChunk;
import tendermint.abci.RequestOfferSnapshot;
import tendermint.abci.ResponseApplySnapshotChunk;
import tendermint.abci.ResponseOfferSnapshot;

/**
 * The receiving side of state sync (ABCI OfferSnapshot and ApplySnapshotChunk): rebuilds an empty
 * store from a peer's snapshot, trusting only the app hash that CometBFT's light client verified.
 *
 * <p>CometBFT offers snapshots one at a time and applies the chunks of an accepted one in order.
 * The manifest, the chunks and the snapshot's height are claims of the peer; the store checks each
 * chunk against the manifest and, at the end, the rebuilt root against the trusted app hash, and
 * the chain record inside the restored state must then name the offered height. A {@link
 * StoreCorruptedException} is not mapped here: it reaches the node's fatal handler.
 */
final class SnapshotRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotRestorer.class);
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final StateSnapshots store;
  private final ChainApplication chain;

  private SnapshotImporter importer;
  private long height;
  private int chunks;

  SnapshotRestorer(StateSnapshots store, ChainApplication chain) {
    this.store = store;
    this.chain = chain;
  }

  /** Whether a restore has been accepted and not yet finished or given up. */
  boolean inProgress() {
    return importer != null;
  }

  ResponseOfferSnapshot offer(RequestOfferSnapshot request) {
    tendermint.abci.Snapshot offered = request.getSnapshot();
    abandon();
    if (offered.getFormat() != SnapshotManifest.FORMAT) {
      LOG.info(
          "Rejecting snapshot at height {}: format {} (we read {})",
          offered.getHeight(),
          offered.getFormat(),
          SnapshotManifest.FORMAT);
      return offerResult(ResponseOfferSnapshot.Result.REJECT_FORMAT);
    }
    SnapshotManifest manifest;
    try {
      manifest = SnapshotManifest.decode(offered.getMetadata().toByteArray());
    } catch (IllegalArgumentException e) {
      return reject(offered, "its metadata is not a manifest: " + e.getMessage());
    }
    byte[] trusted = request.getAppHash().toByteArray();
    if (!MessageDigest.isEqual(manifest.hash(), offered.getHash().toByteArray())) {
      return reject(offered, "its hash is not the manifest's");
    }
    if (manifest.chunkCount() != offered.getChunks()) {
      return reject(
          offered,
          "it names " + offered.getChunks() + " chunks, its manifest " + manifest.chunkCount());
    }
    if (!MessageDigest.isEqual(manifest.rootHash(), trusted)) {
      return reject(
          offered,
          "its root "
              + HEX.formatHex(manifest.rootHash())
              + " is not the trusted app hash "
              + HEX.formatHex(trusted));
    }
    if (offered.getHeight() < manifest.version()) {
      return reject(
          offered,
          "height " + offered.getHeight() + " precedes store version " + manifest.version());
    }
    try {
      importer = store.importSnapshot(manifest, trusted);
    } catch (IllegalStateException e) {
      LOG.error(
          "Cannot restore a snapshot: {}. State sync needs an empty app data folder; stop the"
              + " node, delete the app's data folder and CometBFT's data, and start again",
          e.getMessage());
      return offerResult(ResponseOfferSnapshot.Result.ABORT);
    }
    height = offered.getHeight();
    chunks = manifest.chunkCount();
    LOG.info(
        "Restoring snapshot at height {} ({} chunk(s), app hash {})",
        height,
        chunks,
        HEX.formatHex(trusted));
    return offerResult(ResponseOfferSnapshot.Result.ACCEPT);
  }

  ResponseApplySnapshotChunk apply(RequestApplySnapshotChunk request) {
    if (importer == null) {
      LOG.error("ApplySnapshotChunk {} without an accepted snapshot", request.getIndex());
      return applyResult(ResponseApplySnapshotChunk.Result.ABORT);
    }
    SnapshotImportResult result;
    try {
      result = importer.applyChunk(request.getIndex(), request.getChunk().toByteArray());
    } catch (StoreUnavailableException e) {
      LOG.error("Snapshot chunk {} could not be written: {}", request.getIndex(), e.getMessage());
      abandon();
      return applyResult(ResponseApplySnapshotChunk.Result.ABORT);
    }
    return switch (result) {
      case ACCEPTED -> {
        LOG.debug("Applied snapshot chunk {} of {}", request.getIndex() + 1, chunks);
        yield applyResult(ResponseApplySnapshotChunk.Result.ACCEPT);
      }
      case COMPLETED -> completed();
      case CHUNK_HASH_MISMATCH -> {
        LOG.warn(
            "Snapshot chunk {} from peer '{}' does not match the manifest; fetching it again",
            request.getIndex(),
            request.getSender());
        ResponseApplySnapshotChunk.Builder retry =
            ResponseApplySnapshotChunk.newBuilder()
                .setResult(ResponseApplySnapshotChunk.Result.RETRY)
                .addRefetchChunks(request.getIndex());
        if (!request.getSender().isEmpty()) {
          retry.addRejectSenders(request.getSender());
        }
        yield retry.build();
      }
      // CometBFT applies chunks strictly in order, so this is a mismatch between its view and
      // ours: start the snapshot over (the next OfferSnapshot abandons this import).
      case CHUNK_OUT_OF_ORDER -> {
        LOG.warn(
            "Snapshot chunk {} arrived out of order; restarting the snapshot", request.getIndex());
        yield applyResult(ResponseApplySnapshotChunk.Result.RETRY_SNAPSHOT);
      }
      case MALFORMED_CHUNK, ROOT_MISMATCH -> {
        LOG.warn(
            "Rejecting snapshot at height {}: chunk {} gave {} (the store is empty again)",
            height,
            request.getIndex(),
            result);
        importer = null;
        yield applyResult(ResponseApplySnapshotChunk.Result.REJECT_SNAPSHOT);
      }
    };
  }

  private ResponseApplySnapshotChunk completed() {
    importer = null;
    AppInfo info;
    try {
      info = chain.restoredFromSnapshot();
    } catch (IllegalStateException e) {
      LOG.error("The restored snapshot at height {} is unusable: {}", height, e.getMessage());
      return applyResult(ResponseApplySnapshotChunk.Result.ABORT);
    }
    if (info.lastHeight() != height) {
      LOG.error(
          "The restored state is of height {}, but the snapshot was offered as height {}",
          info.lastHeight(),
          height);
      return applyResult(ResponseApplySnapshotChunk.Result.ABORT);
    }
    LOG.info(
        "Snapshot restored at height {} with app hash {}", height, HEX.formatHex(info.appHash()));
    return applyResult(ResponseApplySnapshotChunk.Result.ACCEPT);
  }

  /** Gives up an unfinished import, leaving the store empty for the next offer. */
  private void abandon() {
    if (importer != null) {
      LOG.info("Abandoning the unfinished restore of height {}", height);
      SnapshotImporter old = importer;
      importer = null;
      old.abort();
    }
  }

  private static ResponseOfferSnapshot reject(tendermint.abci.Snapshot offered, String why) {
    LOG.warn("Rejecting snapshot at height {}: {}", offered.getHeight(), why);
    return offerResult(ResponseOfferSnapshot.Result.REJECT);
  }

  private static ResponseOfferSnapshot offerResult(ResponseOfferSnapshot.Result result) {
    return ResponseOfferSnapshot.newBuilder().setResult(result).build();
  }

  private static ResponseApplySnapshotChunk applyResult(ResponseApplySnapshotChunk.Result result) {
    return ResponseApplySnapshotChunk.newBuilder().setResult(result).build();
  }
}
