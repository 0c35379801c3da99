package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.WriteSet;

/** The root is a function of contents only, and proofs are sound to the last bit. */
class RootAndProofProperties {

  @Provide
  Arbitrary<TreeMap<ByteKey, byte[]>> contents() {
    Arbitrary<ByteKey> keys = Arbitraries.bytes().array(byte[].class).ofMaxSize(4).map(ByteKey::of);
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(6);
    return Arbitraries.maps(keys, values).ofMaxSize(40).map(TreeMap::new);
  }

  @Property(tries = 200)
  void rootIgnoresOrderBatchingAndHistory(
      @ForAll("contents") TreeMap<ByteKey, byte[]> contents, @ForAll Random random) {
    InMemoryStateStore direct = InMemoryStateStore.create();
    direct.commit(direct.prepare(writeAll(contents)));
    assertArrayEquals(ReferenceMerkleRoot.of(contents), direct.rootHash());

    // Same final contents reached another way: shuffled, split into blocks, with detours
    // through values and keys that are later overwritten or deleted.
    InMemoryStateStore winding = InMemoryStateStore.create();
    List<Map.Entry<ByteKey, byte[]>> entries = new ArrayList<>(contents.entrySet());
    Collections.shuffle(entries, random);
    WriteSet block = new WriteSet();
    List<byte[]> detours = new ArrayList<>();
    for (Map.Entry<ByteKey, byte[]> e : entries) {
      if (random.nextInt(3) == 0) {
        byte[] junk = {(byte) 0xEE, (byte) random.nextInt(8)};
        block.put(junk, new byte[] {1});
        detours.add(junk);
        block.put(e.getKey().toByteArray(), new byte[] {9, 9});
        winding.commit(winding.prepare(block));
        block = new WriteSet();
      }
      block.put(e.getKey().toByteArray(), e.getValue());
      if (random.nextInt(4) == 0) {
        winding.commit(winding.prepare(block));
        block = new WriteSet();
      }
    }
    for (byte[] junk : detours) {
      if (!contents.containsKey(ByteKey.of(junk))) {
        block.delete(junk);
      } else {
        block.put(junk, contents.get(ByteKey.of(junk)));
      }
    }
    winding.commit(winding.prepare(block));
    assertArrayEquals(direct.rootHash(), winding.rootHash());
  }

  @Property(tries = 100)
  void proofsVerifyAndAnySingleBitFlipBreaksThem(
      @ForAll("contents") TreeMap<ByteKey, byte[]> contents,
      @ForAll("contents") TreeMap<ByteKey, byte[]> probes) {
    InMemoryStateStore store = InMemoryStateStore.create();
    store.commit(store.prepare(writeAll(contents)));
    byte[] root = store.rootHash();
    List<ByteKey> queries = new ArrayList<>(contents.keySet());
    queries.addAll(probes.keySet());
    for (ByteKey k : queries) {
      byte[] key = k.toByteArray();
      Optional<byte[]> value = Optional.ofNullable(contents.get(k));
      byte[] proof = store.prove(key, 1).encode();
      assertTrue(ProofVerifier.verify(proof, key, value, root), "proof of " + k);
      for (int bit = 0; bit < proof.length * 8; bit++) {
        assertFalse(ProofVerifier.verify(flip(proof, bit), key, value, root), "proof bit " + bit);
      }
      for (int bit = 0; bit < key.length * 8; bit++) {
        assertFalse(ProofVerifier.verify(proof, flip(key, bit), value, root), "key bit " + bit);
      }
      for (int bit = 0; bit < value.map(v -> v.length).orElse(0) * 8; bit++) {
        Optional<byte[]> flipped = Optional.of(flip(value.orElseThrow(), bit));
        assertFalse(ProofVerifier.verify(proof, key, flipped, root), "value bit " + bit);
      }
      for (int bit = 0; bit < root.length * 8; bit++) {
        assertFalse(ProofVerifier.verify(proof, key, value, flip(root, bit)), "root bit " + bit);
      }
      Optional<byte[]> claimOpposite =
          value.isPresent() ? Optional.empty() : Optional.of(new byte[0]);
      assertFalse(ProofVerifier.verify(proof, key, claimOpposite, root), "opposite claim");
    }
  }

  private static WriteSet writeAll(TreeMap<ByteKey, byte[]> contents) {
    WriteSet w = new WriteSet();
    contents.forEach((k, v) -> w.put(k.toByteArray(), v));
    return w;
  }

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] out = bytes.clone();
    out[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
    return out;
  }
}
