package org.sprintchain.testnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;

/**
 * What {@code testnet status} shows: each node's processes and height, whether the answering nodes
 * agree on the app hash at the highest height they all have, and the validator set with voting
 * power. Verified work and the sprint phase come with the PoCW issue and read {@link #NOT_YET}.
 *
 * @param commonHeight the lowest latest height among the nodes that answered, when any did
 * @param appHashes the header app hash at {@code commonHeight}, by node, for nodes that answered
 * @param validators CometBFT's validator set at {@code commonHeight}
 * @param epoch the epoch of {@code commonHeight} by the recorded epoch length
 */
public record TestnetStatus(
    String chainId,
    List<NodeReport> nodes,
    OptionalLong commonHeight,
    Map<String, String> appHashes,
    List<ValidatorPower> validators,
    OptionalLong epoch,
    String sprintPhase,
    List<String> problems) {
  /** The placeholder for values that the sprint (PoCW) issue will provide. */
  public static final String NOT_YET = "n/a";

  public TestnetStatus {
    nodes = List.copyOf(nodes);
    appHashes = new TreeMap<>(appHashes);
    validators = List.copyOf(validators);
    problems = List.copyOf(problems);
  }

  /** True when at least one node answered and all that did report the same app hash. */
  public boolean appHashesAgree() {
    return !appHashes.isEmpty() && appHashes.values().stream().distinct().count() == 1;
  }

  /** True when some node has a running process. */
  public boolean anyRunning() {
    return nodes.stream().anyMatch(n -> n.state() != NodeReport.State.STOPPED);
  }

  public long totalPower() {
    return validators.stream().mapToLong(ValidatorPower::power).sum();
  }

  /** Asks every node; RPC failures become {@link #problems()}, never exceptions. */
  public static TestnetStatus collect(LocalTestnet net) {
    List<NodeReport> reports = net.status();
    List<String> problems = new ArrayList<>();
    OptionalLong common =
        reports.stream()
            .filter(r -> r.height().isPresent())
            .mapToLong(r -> r.height().getAsLong())
            .min();
    Map<String, String> hashes = new TreeMap<>();
    List<ValidatorPower> validators = List.of();
    if (common.isPresent() && common.getAsLong() > 0) {
      long h = common.getAsLong();
      for (NodeReport r : reports) {
        if (r.height().isEmpty()) {
          continue;
        }
        try (CometRpcClient rpc = net.node(r.name()).rpc()) {
          hashes.put(r.name(), ChainInspector.appHashAt(rpc, h));
          if (validators.isEmpty()) {
            validators = ChainInspector.validators(rpc, h, nodeByAddress(net));
          }
        } catch (RpcException e) {
          problems.add(r.name() + ": " + e.getMessage());
        }
      }
    }
    return new TestnetStatus(
        net.chainId(),
        reports,
        common,
        hashes,
        validators,
        common.isPresent()
            ? OptionalLong.of(net.sprintSettings().epochOf(common.getAsLong()))
            : OptionalLong.empty(),
        NOT_YET,
        problems);
  }

  /** CometBFT validator address to node name, for every node whose key file is readable. */
  public static Map<String, String> nodeByAddress(LocalTestnet net) {
    Map<String, String> map = new TreeMap<>();
    for (NodeProcess n : net.nodes()) {
      try {
        map.put(n.validatorAddress(), n.name());
      } catch (TestnetException e) {
        // a node folder without its key: shown as "?"
      }
    }
    return map;
  }

  /** The node's report by name. */
  public Optional<NodeReport> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }
}
