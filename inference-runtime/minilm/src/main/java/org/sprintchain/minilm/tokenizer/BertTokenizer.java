package org.sprintchain.minilm.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The BERT tokenizer of a {@code tokenizer.json}: added (special) tokens are cut out of the raw
 * text first, the rest is normalised ({@link BertNormalizer}), split on whitespace and around
 * punctuation, and WordPiece'd; then {@code [CLS] … [SEP]}, truncated on the right to {@code
 * maxLength} ids in all.
 */
public final class BertTokenizer {
  private final TokenizerConfig config;
  private final BertNormalizer normalizer;
  private final WordPiece wordPiece;
  private final int clsId;
  private final int sepId;

  public BertTokenizer(TokenizerConfig config) {
    this.config = config;
    this.normalizer = new BertNormalizer(config);
    this.wordPiece = new WordPiece(config);
    this.clsId = config.idOf(config.clsToken());
    this.sepId = config.idOf(config.sepToken());
  }

  /** Reads a tokenizer.json. */
  public static BertTokenizer fromJson(byte[] tokenizerJson) {
    return new BertTokenizer(TokenizerConfig.parse(tokenizerJson));
  }

  public int maxLength() {
    return config.maxLength();
  }

  /** Token ids of one sentence, with {@code [CLS]} and {@code [SEP]}. */
  public int[] encode(String text) {
    List<Integer> ids = new ArrayList<>();
    int segmentStart = 0;
    int i = 0;
    while (i < text.length()) {
      Map.Entry<String, Integer> added = addedTokenAt(text, i);
      if (added == null) {
        i++;
        continue;
      }
      tokenizeSegment(text.substring(segmentStart, i), ids);
      ids.add(added.getValue());
      i += added.getKey().length();
      segmentStart = i;
    }
    tokenizeSegment(text.substring(segmentStart), ids);
    int keep = Math.min(ids.size(), config.maxLength() - 2);
    int[] out = new int[keep + 2];
    out[0] = clsId;
    for (int k = 0; k < keep; k++) {
      out[k + 1] = ids.get(k);
    }
    out[keep + 1] = sepId;
    return out;
  }

  /** The longest added token starting at {@code i}, or null (leftmost-longest matching). */
  private Map.Entry<String, Integer> addedTokenAt(String text, int i) {
    Map.Entry<String, Integer> best = null;
    for (Map.Entry<String, Integer> e : config.addedTokens().entrySet()) {
      if (text.startsWith(e.getKey(), i)
          && (best == null || e.getKey().length() > best.getKey().length())) {
        best = e;
      }
    }
    return best;
  }

  private void tokenizeSegment(String segment, List<Integer> ids) {
    if (segment.isEmpty()) {
      return;
    }
    String normalized = normalizer.normalize(segment);
    StringBuilder word = new StringBuilder();
    normalized
        .codePoints()
        .forEach(
            cp -> {
              if (BertNormalizer.isWhitespace(cp)) {
                flush(word, ids);
              } else if (isPunctuation(cp)) {
                flush(word, ids);
                word.appendCodePoint(cp);
                flush(word, ids);
              } else {
                word.appendCodePoint(cp);
              }
            });
    flush(word, ids);
  }

  private void flush(StringBuilder word, List<Integer> ids) {
    if (!word.isEmpty()) {
      wordPiece.tokenize(word.toString(), ids);
      word.setLength(0);
    }
  }

  /** ASCII punctuation or Unicode P* (HuggingFace {@code is_bert_punc}). */
  static boolean isPunctuation(int cp) {
    if (cp < 128) {
      return (cp >= 33 && cp <= 47)
          || (cp >= 58 && cp <= 64)
          || (cp >= 91 && cp <= 96)
          || (cp >= 123 && cp <= 126);
    }
    int type = Character.getType(cp);
    return type == Character.CONNECTOR_PUNCTUATION
        || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }
}
