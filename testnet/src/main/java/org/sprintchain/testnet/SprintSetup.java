package org.sprintchain.testnet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sprintchain.pocw.SprintParams;

/**
 * Per-run sprint choices that go beyond {@link SprintSettings}: exact genesis params (tests pin
 * short schedules and a non-binding cap), and extra worker flags per node, such as {@code
 * --compute-share 0.5} or {@code --byzantine fake-winners}. Node flags are written to {@code
 * nodeI/worker-args} at init, so restarts keep them.
 */
public record SprintSetup(
    Optional<SprintParams> params,
    Map<String, List<String>> nodeArgs,
    Optional<ObjectNode> inference) {
  public static final SprintSetup DEFAULT =
      new SprintSetup(Optional.empty(), Map.of(), Optional.empty());

  public SprintSetup {
    nodeArgs = Map.copyOf(new TreeMap<>(nodeArgs));
    inference = inference.map(ObjectNode::deepCopy);
  }

  public SprintSetup withParams(SprintParams p) {
    return new SprintSetup(Optional.of(p), nodeArgs, inference);
  }

  /**
   * The genesis {@code app_state.inference} section (default: {@link InferenceSetup#section()}).
   */
  public SprintSetup withInference(ObjectNode section) {
    return new SprintSetup(params, nodeArgs, Optional.of(section));
  }

  /** Adds worker flags for {@code node} (e.g. {@code node3}). */
  public SprintSetup withNodeArgs(String node, List<String> args) {
    TreeMap<String, List<String>> copy = new TreeMap<>(nodeArgs);
    copy.put(node, List.copyOf(args));
    return new SprintSetup(params, copy, inference);
  }
}
