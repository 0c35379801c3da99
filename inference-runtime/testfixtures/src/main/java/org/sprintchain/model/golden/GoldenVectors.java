package org.sprintchain.model.golden;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import org.sprintchain.model.ModelParams;

/**
 * The committed golden vectors of the sprint model: one JSON file per preset under {@code
 * org/sprintchain/model/golden/}. Every backend must reproduce them byte for byte.
 *
 * @param spec the spec version the vectors pin ("sprintchain/model/v1")
 * @param preset the preset name
 * @param params the model shape
 * @param coverage what the cases cover: "full" (digest and every layer hash) or "embedding" (only
 *     layer hash 0, for presets too slow for a CPU test)
 * @param cases input cases
 * @param weights single weights, for GPU weight generation spot checks
 */
public record GoldenVectors(
    String spec,
    String preset,
    ModelParams params,
    String coverage,
    List<Case> cases,
    List<WeightCheck> weights) {

  /** The presets with committed vectors, cheapest first. */
  public static final List<String> PRESETS = List.of("tiny", "cpu-small", "gpu-large");

  /**
   * One nonce.
   *
   * @param seed sprint seed, 32 bytes hex
   * @param pubkey worker public key, hex
   * @param nonce the nonce (below 2^53 so that any JSON reader keeps it exact)
   * @param tokensHead the first input tokens, to help a new implementation find its first bug
   * @param digest expected output digest, hex; null when coverage is "embedding"
   * @param layerHashes expected layer hashes, hex, index 0 = after the embedding
   */
  public record Case(
      String seed,
      String pubkey,
      long nonce,
      List<Integer> tokensHead,
      String digest,
      List<String> layerHashes) {
    /** The seed as bytes. */
    public byte[] seedBytes() {
      return HexFormat.of().parseHex(seed);
    }

    /** The public key as bytes. */
    public byte[] pubkeyBytes() {
      return HexFormat.of().parseHex(pubkey);
    }
  }

  /**
   * One generated weight.
   *
   * @param seed sprint seed, hex
   * @param tensor tensor id
   * @param element element index within the tensor
   * @param value the expected weight
   */
  public record WeightCheck(String seed, int tensor, long element, int value) {}

  /** Whether the cases carry digests and every layer hash. */
  public boolean full() {
    return "full".equals(coverage);
  }

  /** JSON mapper used to read and write the files. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Loads the committed vectors of {@code preset} from the classpath. */
  public static GoldenVectors load(String preset) {
    String resource = "/org/sprintchain/model/golden/" + preset + ".json";
    try (InputStream in = GoldenVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no golden vectors at " + resource);
      }
      return mapper().readValue(in, GoldenVectors.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
