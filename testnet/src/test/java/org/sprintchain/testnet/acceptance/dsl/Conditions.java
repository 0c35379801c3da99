package org.sprintchain.testnet.acceptance.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxResult;
import org.sprintchain.testnet.BlockMeta;
import org.sprintchain.testnet.load.LoadReport;

/** What a cluster must satisfy, as {@link Condition}s for {@link Cluster#verify}. */
public final class Conditions {
  private static final long POLL_MILLIS = 250;

  private Conditions() {}

  /**
   * The chain grows by {@code blocks} within {@code within}, as seen by the nodes that answer (a
   * killed or paused node does not count).
   */
  public static Condition chainCommits(int blocks, Duration within) {
    return cluster -> {
      long start = requireHeight(cluster);
      long target = start + blocks;
      long deadline = System.nanoTime() + within.toNanos();
      long now = start;
      while (now < target) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError(
              "the chain went from height "
                  + start
                  + " only to "
                  + now
                  + " in "
                  + within.toSeconds()
                  + " s; expected "
                  + blocks
                  + " more blocks");
        }
        sleep();
        now = cluster.height().orElse(now);
      }
    };
  }

  /**
   * Every node has the same app hash as every other at every height from 1 to the highest height
   * they all have, and that height is at least {@code minHeight}.
   */
  public static Condition allNodesAgreeOnEveryHeight(long minHeight) {
    return cluster -> {
      long common = Long.MAX_VALUE;
      for (Node n : cluster.nodes()) {
        common = Math.min(common, n.height());
      }
      if (common < minHeight) {
        throw new AssertionError("common height " + common + " < " + minHeight);
      }
      Map<Long, String> reference = new TreeMap<>();
      String referenceNode = "";
      for (Node n : cluster.nodes()) {
        List<BlockMeta> blocks = n.blocks(1, common);
        if (blocks.size() != common) {
          throw new AssertionError(
              n + " returned " + blocks.size() + " headers for heights 1.." + common);
        }
        if (reference.isEmpty()) {
          blocks.forEach(b -> reference.put(b.height(), b.appHash()));
          referenceNode = n.name();
          continue;
        }
        for (BlockMeta b : blocks) {
          if (!b.appHash().equals(reference.get(b.height()))) {
            throw new AssertionError(
                "app hash at height "
                    + b.height()
                    + ": "
                    + referenceNode
                    + " has "
                    + reference.get(b.height())
                    + ", "
                    + n
                    + " has "
                    + b.appHash());
          }
        }
      }
    };
  }

  /**
   * {@code node} reaches the height the others had when this started, within {@code within}, and
   * has the same app hash there as another node.
   */
  public static Condition catchesUp(Node node, Duration within) {
    return cluster -> {
      long target = 0;
      Node witness = null;
      for (Node other : cluster.nodesExcept(node)) {
        OptionalLong h = other.heightIfAnswering();
        if (h.isPresent() && h.getAsLong() > target) {
          target = h.getAsLong();
          witness = other;
        }
      }
      if (witness == null) {
        throw new AssertionError("no other node answers");
      }
      long deadline = System.nanoTime() + within.toNanos();
      long reached = 0;
      while (reached < target) {
        if (System.nanoTime() - deadline > 0) {
          throw new AssertionError(
              node + " reached only height " + reached + " of " + target + " in " + within);
        }
        sleep();
        reached = node.heightIfAnswering().orElse(0);
      }
      String mine = node.appHashAt(target);
      String theirs = witness.appHashAt(target);
      if (!mine.equals(theirs)) {
        throw new AssertionError(
            node
                + " caught up to height "
                + target
                + " with app hash "
                + mine
                + " but "
                + witness
                + " has "
                + theirs);
      }
    };
  }

  /** Every tx the mempools acknowledged during the load is in a block with code 0. */
  public static Condition everyAcknowledgedTxCommitted(LoadReport report) {
    return cluster -> {
      if (report.acknowledged() == 0) {
        throw new AssertionError("the load got no tx acknowledged: " + report.summary());
      }
      if (!report.verified()) {
        throw new AssertionError(
            report.missing()
                + " acknowledged txs missing and "
                + report.failed()
                + " failed: "
                + report.summary());
      }
    };
  }

  /**
   * Every tx in {@code committed} is found by every node's {@code /tx} at the same height with code
   * 0.
   */
  public static Condition stillCommitted(List<TxResult> committed) {
    return cluster -> {
      if (committed.isEmpty()) {
        throw new AssertionError("no tx was committed to check");
      }
      List<String> problems = new ArrayList<>();
      for (Node n : cluster.nodes()) {
        for (TxResult t : committed) {
          Optional<TxResult> found;
          try {
            found = n.tx(t.hash());
          } catch (RpcException e) {
            problems.add(n + ": " + e.getMessage());
            break;
          }
          if (found.isEmpty()) {
            problems.add(n + " lost tx " + t.hash() + " (committed at height " + t.height() + ")");
          } else if (found.get().height() != t.height() || found.get().code() != 0) {
            problems.add(
                n
                    + " has tx "
                    + t.hash()
                    + " at height "
                    + found.get().height()
                    + " with code "
                    + found.get().code()
                    + ", committed at "
                    + t.height()
                    + " with code 0");
          }
          if (problems.size() > 10) {
            break;
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new AssertionError(
            problems.size() + " problem(s) among " + committed.size() + " txs: " + problems);
      }
    };
  }

  private static long requireHeight(Cluster cluster) {
    return cluster.height().orElseThrow(() -> new AssertionError("no node of the cluster answers"));
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
