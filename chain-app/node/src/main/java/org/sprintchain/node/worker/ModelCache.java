package org.sprintchain.node.worker;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.SprintModel;
import org.sprintchain.model.runtime.Backends;

/**
 * The sprint models the worker has loaded, by seed: the current epoch's, and the previous one's
 * while its audits and disputes may still need it. Loading generates the weights from the seed.
 */
final class ModelCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);
  private static final int KEEP = 2;

  private record Loaded(byte[] seed, SprintModel model) {}

  private final String backend;
  private final Deque<Loaded> loaded = new ArrayDeque<>();

  ModelCache(String backend) {
    this.backend = backend;
  }

  synchronized SprintModel get(String preset, byte[] seed) {
    for (Loaded l : loaded) {
      if (Arrays.equals(l.seed(), seed)) {
        return l.model();
      }
    }
    long start = System.nanoTime();
    SprintModel model = Backends.select(backend).load(ModelParams.preset(preset), seed);
    LOG.info(
        "Loaded the {} sprint model on the {} backend in {} ms",
        preset,
        model.backend(),
        (System.nanoTime() - start) / 1_000_000);
    loaded.addFirst(new Loaded(seed.clone(), model));
    while (loaded.size() > KEEP) {
      loaded.removeLast().model().close();
    }
    return model;
  }

  @Override
  public synchronized void close() {
    loaded.forEach(l -> l.model().close());
    loaded.clear();
  }
}
