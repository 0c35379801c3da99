package org.sprintchain.model.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sprintchain.model.InputTokens;
import org.sprintchain.model.LayerDispute;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.ScalarBackend;
import org.sprintchain.model.Sha256;
import org.sprintchain.model.SprintModel;
import org.sprintchain.model.TensorId;
import org.sprintchain.model.WeightStream;

/**
 * Regenerates the golden vectors from the scalar reference. Run only when the spec changes on
 * purpose (and bump the spec version): {@code java ... GoldenVectorWriter
 * inference-runtime/testfixtures/src/main/resources/org/sprintchain/model/golden}.
 */
public final class GoldenVectorWriter {
  static final String SPEC = "sprintchain/model/v1";
  static final long[] NONCES = {0L, 1L, 4_294_967_303L, 9_007_199_254_740_991L};

  private GoldenVectorWriter() {}

  /** Writes tiny.json, cpu-small.json and gpu-large.json into the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (String preset : GoldenVectors.PRESETS) {
      GoldenVectors vectors = generate(preset);
      GoldenVectors.mapper().writeValue(dir.resolve(preset + ".json").toFile(), vectors);
    }
  }

  /** Deterministic test seeds: all zero, then SHA-256("sprintchain/golden/seed/i"). */
  static byte[] seed(int i) {
    return i == 0 ? new byte[32] : Sha256.of(ascii("sprintchain/golden/seed/" + i));
  }

  static byte[] pubkey(int i) {
    return Sha256.of(ascii("sprintchain/golden/pubkey/" + i));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The vectors of one preset, computed with the scalar reference. */
  public static GoldenVectors generate(String preset) {
    ModelParams p = ModelParams.preset(preset);
    HexFormat hex = HexFormat.of();
    int seeds = preset.equals("tiny") ? 3 : 2;
    int pubkeys = preset.equals("tiny") ? 2 : 1;
    int nonces = preset.equals("tiny") ? NONCES.length : 2;
    boolean full = !preset.equals("gpu-large");
    List<GoldenVectors.Case> cases = new ArrayList<>();
    List<GoldenVectors.WeightCheck> weights = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      byte[] seed = seed(s);
      SprintModel model = full ? new ScalarBackend().load(p, seed) : null;
      for (int k = 0; k < pubkeys; k++) {
        for (int n = 0; n < nonces; n++) {
          long nonce = NONCES[n];
          int[] tokens = InputTokens.of(p, seed, pubkey(k), nonce);
          List<Integer> head = new ArrayList<>();
          for (int t = 0; t < Math.min(8, tokens.length); t++) {
            head.add(tokens[t]);
          }
          String digest = null;
          List<String> hashes = new ArrayList<>();
          if (model != null) {
            ModelTrace trace = model.recompute(pubkey(k), nonce);
            digest = hex.formatHex(trace.digest());
            trace.layerHashes().forEach(h -> hashes.add(hex.formatHex(h)));
          } else {
            int[] x = LayerDispute.embedding(p, seed, pubkey(k), nonce);
            hashes.add(hex.formatHex(Sha256.ofInts(x, 0, x.length)));
          }
          cases.add(
              new GoldenVectors.Case(
                  hex.formatHex(seed), hex.formatHex(pubkey(k)), nonce, head, digest, hashes));
        }
      }
      weights.addAll(weightChecks(p, seed));
    }
    return new GoldenVectors(SPEC, preset, p, full ? "full" : "embedding", cases, weights);
  }

  /** First, middle and last elements of the embeddings and of the first and last block. */
  private static List<GoldenVectors.WeightCheck> weightChecks(ModelParams p, byte[] seed) {
    WeightStream stream = new WeightStream(seed);
    String seedHex = HexFormat.of().formatHex(seed);
    List<GoldenVectors.WeightCheck> out = new ArrayList<>();
    long d = p.dModel();
    long f = p.dFf();
    long[][] tensors = {
      {TensorId.TOKEN_EMBEDDING, p.vocab() * d},
      {TensorId.POSITION_EMBEDDING, p.seqLen() * d},
      {TensorId.layer(0, TensorId.WQ), d * d},
      {TensorId.layer(0, TensorId.W1), f * d},
      {TensorId.layer(p.layers() - 1, TensorId.WO), d * d},
      {TensorId.layer(p.layers() - 1, TensorId.W2), d * f},
    };
    for (long[] t : tensors) {
      int id = (int) t[0];
      for (long e : new long[] {0, 1, 2, 3, 4, t[1] / 2 + 1, t[1] - 1}) {
        out.add(new GoldenVectors.WeightCheck(seedHex, id, e, stream.weight(id, e)));
      }
    }
    return out;
  }
}
