package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Puts and deletes applied atomically, in the order they were added. */
public final class KvBatch {
  private final List<Op> ops = new ArrayList<>();

  /** One operation; a null value is a delete. */
  public record Op(StoreColumn column, byte[] key, byte[] value) {
    public boolean isDelete() {
      return value == null;
    }
  }

  public KvBatch put(StoreColumn column, byte[] key, byte[] value) {
    ops.add(new Op(column, key, value));
    return this;
  }

  public KvBatch delete(StoreColumn column, byte[] key) {
    ops.add(new Op(column, key, null));
    return this;
  }

  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public int size() {
    return ops.size();
  }
}
