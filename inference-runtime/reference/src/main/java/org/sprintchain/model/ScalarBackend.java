package org.sprintchain.model;

/** The reference backend: always available, one nonce at a time. */
public final class ScalarBackend implements SprintBackend {
  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public SprintModel load(ModelParams params, byte[] seed) {
    return new CpuSprintModel(name(), params, seed, ScalarGemm.INSTANCE, 1);
  }
}
