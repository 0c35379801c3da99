package org.sprintchain.chain.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.sprintchain.minilm.MiniLmEncoder;
import org.sprintchain.minilm.tokenizer.BertTokenizer;
import org.sprintchain.pocw.hash.Sha256;

/**
 * What the chain itself knows how to compute per architecture: the billed units of an input (so an
 * executor cannot overcharge) and the output (so a dispute is settled by re-execution).
 *
 * <p>For {@code minilm-l6-v2-int8} the input is UTF-8 text, a unit is one WordPiece id including
 * {@code [CLS]} and {@code [SEP]} after truncation, and the output is the L2-normalised embedding
 * (Q30) as 384 int32 little-endian ({@code MiniLmEncoder.encodeNormalized}). The weights come from
 * the class path (the langchain4j jar, a runtime dependency of {@code sprint-minilm}); the
 * tokenizer is loaded on first use, the encoder on the first re-execution.
 */
public final class ModelRuntime {
  private ModelRuntime() {}

  /** The UTF-8 text of {@code input}; empty when it is not valid UTF-8. */
  static Optional<String> utf8(byte[] input) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(input));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The units a correct executor bills for {@code input}. */
  public static long units(ModelEntry model, byte[] input) {
    return switch (model.architecture()) {
      case SYNTHETIC_V1 -> input.length;
      case MINILM_L6_V2_INT8 ->
          MiniLm.TOKENIZER.encode(utf8(input).orElseThrow(IllegalArgumentException::new)).length;
    };
  }

  /** The correct output for {@code input}. */
  public static byte[] execute(ModelEntry model, byte[] input) {
    return switch (model.architecture()) {
      case SYNTHETIC_V1 -> SyntheticModel.run(model.weightsSha256(), input);
      case MINILM_L6_V2_INT8 -> minilmOutput(MiniLm.encoder(model.weightsHex()), input);
    };
  }

  /**
   * The minilm output for {@code input} computed by {@code encoder}: the same bytes as {@link
   * #execute} whenever the encoder holds the registered weights, whatever matmul kernel it was
   * built with (a node may use a faster one for the jobs it runs and audits).
   */
  public static byte[] minilmOutput(MiniLmEncoder encoder, byte[] input) {
    int[] v =
        encoder
            .encodeNormalized(utf8(input).orElseThrow(IllegalArgumentException::new))
            .fixedPoint();
    ByteBuffer out = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asIntBuffer().put(v);
    return out.array();
  }

  /** SHA-256 of {@code output}: what a result and a verdict commit to. */
  public static byte[] digest(byte[] output) {
    return Sha256.of(output);
  }

  /** SHA-256 (hex) of the minilm ONNX weights on the class path. */
  public static String bundledMiniLmWeightsHex() {
    return MiniLm.WEIGHTS_HEX;
  }

  /** Lazily loaded, immutable minilm pieces (class initialisation is thread-safe and once). */
  private static final class MiniLm {
    static final BertTokenizer TOKENIZER =
        BertTokenizer.fromJson(resource(MiniLmEncoder.TOKENIZER_ENTRY));
    static final String WEIGHTS_HEX =
        HexFormat.of().formatHex(Sha256.of(resource(MiniLmEncoder.ONNX_ENTRY)));

    static MiniLmEncoder encoder(String pinnedHex) {
      return Encoder.ENCODER.modelHashHex().equals(pinnedHex)
          ? Encoder.ENCODER
          : MiniLmEncoder.loadBundledPinned(pinnedHex);
    }

    private static final class Encoder {
      static final MiniLmEncoder ENCODER = MiniLmEncoder.loadBundledPinned(WEIGHTS_HEX);
    }

    private static byte[] resource(String name) {
      try (InputStream in = ModelRuntime.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is not on the class path (minilm weights jar)");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
