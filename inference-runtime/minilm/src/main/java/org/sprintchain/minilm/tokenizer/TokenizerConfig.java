package org.sprintchain.minilm.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The settings of a HuggingFace {@code tokenizer.json} that a BERT WordPiece tokenizer needs:
 * vocabulary, normaliser flags, truncation length and the added (special) tokens. Anything but a
 * WordPiece model with a BertNormalizer is refused.
 *
 * @param vocab token → id, sorted (hash-ordered maps are banned in the deterministic core)
 * @param addedTokens special token text → id, matched on the raw input before normalisation
 */
public record TokenizerConfig(
    NavigableMap<String, Integer> vocab,
    NavigableMap<String, Integer> addedTokens,
    String unkToken,
    String continuingPrefix,
    int maxInputCharsPerWord,
    boolean cleanText,
    boolean handleChineseChars,
    boolean stripAccents,
    boolean lowercase,
    int maxLength,
    String clsToken,
    String sepToken) {

  /** Reads tokenizer.json bytes (UTF-8). */
  @SuppressWarnings("unchecked")
  public static TokenizerConfig parse(byte[] json) {
    Map<String, Object> root =
        (Map<String, Object>) JsonReader.parse(new String(json, StandardCharsets.UTF_8));
    Map<String, Object> model = (Map<String, Object>) root.get("model");
    if (model == null || !"WordPiece".equals(model.get("type"))) {
      throw new IllegalArgumentException("tokenizer.json is not a WordPiece model");
    }
    NavigableMap<String, Integer> vocab = new TreeMap<>();
    for (Map.Entry<String, Object> e : ((Map<String, Object>) model.get("vocab")).entrySet()) {
      vocab.put(e.getKey(), Math.toIntExact((Long) e.getValue()));
    }
    Map<String, Object> norm = (Map<String, Object>) root.get("normalizer");
    if (norm == null || !"BertNormalizer".equals(norm.get("type"))) {
      throw new IllegalArgumentException("tokenizer.json has no BertNormalizer");
    }
    boolean lowercase = flag(norm, "lowercase", true);
    // HuggingFace: strip_accents null means "same as lowercase".
    boolean strip =
        norm.get("strip_accents") == null ? lowercase : (Boolean) norm.get("strip_accents");
    NavigableMap<String, Integer> added = new TreeMap<>();
    Object addedList = root.get("added_tokens");
    if (addedList != null) {
      for (Object o : (List<Object>) addedList) {
        Map<String, Object> t = (Map<String, Object>) o;
        added.put((String) t.get("content"), Math.toIntExact((Long) t.get("id")));
      }
    }
    Map<String, Object> trunc = (Map<String, Object>) root.get("truncation");
    int maxLength = trunc == null ? 512 : Math.toIntExact((Long) trunc.get("max_length"));
    Object maxChars = model.get("max_input_chars_per_word");
    return new TokenizerConfig(
        vocab,
        added,
        (String) model.get("unk_token"),
        (String) model.getOrDefault("continuing_subword_prefix", "##"),
        maxChars == null ? 100 : Math.toIntExact((Long) maxChars),
        flag(norm, "clean_text", true),
        flag(norm, "handle_chinese_chars", true),
        strip,
        lowercase,
        maxLength,
        "[CLS]",
        "[SEP]");
  }

  private static boolean flag(Map<String, Object> m, String key, boolean dflt) {
    Object v = m.get(key);
    return v == null ? dflt : (Boolean) v;
  }

  /** Id of a token that must be in the vocabulary. */
  public int idOf(String token) {
    Integer id = vocab.get(token);
    if (id == null) {
      throw new IllegalArgumentException("vocabulary has no " + token);
    }
    return id;
  }
}
