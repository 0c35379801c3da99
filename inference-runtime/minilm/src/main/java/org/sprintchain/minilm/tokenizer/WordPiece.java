package org.sprintchain.minilm.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy longest-match-first WordPiece over code points, as HuggingFace's: a word longer than
 * {@code maxInputCharsPerWord} code points, or one with any piece missing from the vocabulary,
 * becomes a single unknown token.
 */
final class WordPiece {
  private final TokenizerConfig config;
  private final int unkId;

  WordPiece(TokenizerConfig config) {
    this.config = config;
    this.unkId = config.idOf(config.unkToken());
  }

  void tokenize(String word, List<Integer> out) {
    int[] cps = word.codePoints().toArray();
    if (cps.length > config.maxInputCharsPerWord()) {
      out.add(unkId);
      return;
    }
    List<Integer> pieces = new ArrayList<>();
    int start = 0;
    while (start < cps.length) {
      int end = cps.length;
      Integer found = null;
      while (start < end) {
        String sub = new String(cps, start, end - start);
        if (start > 0) {
          sub = config.continuingPrefix() + sub;
        }
        found = config.vocab().get(sub);
        if (found != null) {
          break;
        }
        end--;
      }
      if (found == null) {
        out.add(unkId);
        return;
      }
      pieces.add(found);
      start = end;
    }
    out.addAll(pieces);
  }
}
