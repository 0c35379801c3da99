package org.sprintchain.store.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sprintchain.store.merkle.NodeKey;
import org.sprintchain.store.merkle.Subtree;

/**
 * Stored nodes of the upper tree levels, which every update and proof walks through, kept in memory
 * in two least-recently-used tiers:
 *
 * <ul>
 *   <li><b>decoded</b>, depth &lt;= {@value #DECODED_MAX_DEPTH} (4,369 nodes per version), at most
 *       {@value #DECODED_MAX_ENTRIES} nodes: the hottest nodes, kept with their memoized inner
 *       hashes;
 *   <li><b>encoded</b>, depth {@value #DECODED_MAX_DEPTH} &lt; d &lt;= {@value #ENCODED_MAX_DEPTH}
 *       (65,536 nodes per version), at most {@value #ENCODED_MAX_BYTES} bytes counted as encoded
 *       length plus {@value #ENTRY_OVERHEAD} per entry. A 10k-write block touches about one node in
 *       seven at depth 16, so only a cache that holds nearly all of them saves reads; about 49 MB
 *       do at 1M keys. Encoded, not decoded: a decoded depth-16 node is about 40 small objects, and
 *       a cache of 65k of them made the garbage collector cost more than the reads it saved.
 * </ul>
 *
 * <p>A node is written once under its key and never changed, so a cached node is never out of date.
 * A commit evicts the nodes its version replaced (otherwise each 10k-write block would leave about
 * 9k dead entries that push live ones out before the next block needs them); pruning only deletes
 * such replaced nodes, so pruned nodes are not cached either, except ones an old-version query
 * loaded again, which age out. A snapshot import, which rewrites nodes in place, bypasses the cache
 * and clears it when it ends.
 */
final class NodeCache {
  static final int DECODED_MAX_DEPTH = 12;
  static final int DECODED_MAX_ENTRIES = 8192;
  static final int ENCODED_MAX_DEPTH = 16;
  static final long ENCODED_MAX_BYTES = 64L << 20;

  /** Heap per encoded entry beyond the node bytes: key, its path, map entry, array header. */
  static final int ENTRY_OVERHEAD = 128;

  private final LinkedHashMap<NodeKey, Subtree.Inner> decoded =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeKey, Subtree.Inner> eldest) {
          return size() > DECODED_MAX_ENTRIES;
        }
      };

  // Insertion order, refreshed on every hit (the access-order constructor takes a float load
  // factor, which the deterministic core's bytecode check rejects).
  private final LinkedHashMap<NodeKey, byte[]> encoded = new LinkedHashMap<>();
  private long encodedBytes;

  /** Whether a node at this key may be cached in either tier. */
  static boolean cacheable(NodeKey key) {
    return key.depth() <= ENCODED_MAX_DEPTH;
  }

  /** The decoded node, or null when it is not in the decoded tier. */
  synchronized Subtree.Inner decoded(NodeKey key) {
    return key.depth() <= DECODED_MAX_DEPTH ? touch(decoded, key) : null;
  }

  /** The node's encoding, or null when it is not in the encoded tier. */
  synchronized byte[] encoded(NodeKey key) {
    return key.depth() > DECODED_MAX_DEPTH && key.depth() <= ENCODED_MAX_DEPTH
        ? touch(encoded, key)
        : null;
  }

  /** Looks up and moves a hit to the young end. */
  private static <V> V touch(LinkedHashMap<NodeKey, V> map, NodeKey key) {
    V value = map.remove(key);
    if (value != null) {
      map.put(key, value);
    }
    return value;
  }

  /** Caches a node in the tier for its depth; {@code bytes} is its encoding. */
  synchronized void put(NodeKey key, Subtree.Inner node, byte[] bytes) {
    if (key.depth() <= DECODED_MAX_DEPTH) {
      decoded.put(key, node);
    } else if (key.depth() <= ENCODED_MAX_DEPTH) {
      byte[] old = encoded.put(key, bytes);
      encodedBytes += weight(bytes) - (old == null ? 0 : weight(old));
      Iterator<byte[]> eldest = encoded.values().iterator();
      while (encodedBytes > ENCODED_MAX_BYTES && eldest.hasNext()) {
        encodedBytes -= weight(eldest.next());
        eldest.remove();
      }
    }
  }

  /**
   * Drops nodes that the latest version replaced. Only older versions still read them, rarely (a
   * query at an old height), so they would only take room from the nodes the next blocks load.
   */
  synchronized void evict(List<NodeKey> replaced) {
    for (NodeKey key : replaced) {
      if (key.depth() <= DECODED_MAX_DEPTH) {
        decoded.remove(key);
      } else if (key.depth() <= ENCODED_MAX_DEPTH) {
        byte[] old = encoded.remove(key);
        if (old != null) {
          encodedBytes -= weight(old);
        }
      }
    }
  }

  synchronized void clear() {
    decoded.clear();
    encoded.clear();
    encodedBytes = 0;
  }

  private static long weight(byte[] bytes) {
    return (long) bytes.length + ENTRY_OVERHEAD;
  }
}
