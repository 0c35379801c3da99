package org.sprintchain.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.minilm.tokenizer.BertTokenizer;

/**
 * The WordPiece tokenizer against ids computed independently by HuggingFace tokenizers (Python)
 * from the same tokenizer.json (see the header of tokenizer-expected-ids.txt). ONNX Runtime cannot
 * tokenize, so it is not the reference here.
 */
class BertTokenizerTest {
  private static final BertTokenizer TOKENIZER =
      BertTokenizer.fromJson(TestModel.resource(MiniLmEncoder.TOKENIZER_ENTRY));

  @Test
  void everyCorpusSentenceMatchesHuggingFace() {
    List<String> corpus = TestModel.corpus();
    List<String> expected = TestModel.lines("org/sprintchain/minilm/tokenizer-expected-ids.txt");
    assertEquals(corpus.size(), expected.size(), "one expected line per corpus sentence");
    for (int i = 0; i < corpus.size(); i++) {
      int[] want =
          Arrays.stream(expected.get(i).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
      assertArrayEquals(want, TOKENIZER.encode(corpus.get(i)), "sentence: " + corpus.get(i));
    }
  }

  @Test
  void wrapsInClsAndSep() {
    assertArrayEquals(new int[] {101, 7592, 2088, 102}, TOKENIZER.encode("Hello world"));
    assertArrayEquals(new int[] {101, 102}, TOKENIZER.encode(""));
  }

  @Test
  void lowerCasesAndStripsAccents() {
    assertArrayEquals(TOKENIZER.encode("cafe resume"), TOKENIZER.encode("CAFÉ Résumé"));
  }

  @Test
  void splitsPunctuationAndCjk() {
    assertArrayEquals(TOKENIZER.encode("a , b"), TOKENIZER.encode("a,b"));
    assertEquals(2 + 2, TOKENIZER.encode("中国").length);
  }

  @Test
  void unknownCharactersBecomeUnk() {
    assertArrayEquals(new int[] {101, 100, 102}, TOKENIZER.encode("\uD83E\uDD84"));
  }

  @Test
  void truncatesToTheConfiguredMaximum() {
    int[] ids = TOKENIZER.encode("word ".repeat(500));
    assertEquals(TOKENIZER.maxLength(), ids.length);
    assertEquals(101, ids[0]);
    assertEquals(102, ids[ids.length - 1]);
  }

  @Test
  void specialTokensInTheTextKeepTheirIds() {
    assertArrayEquals(new int[] {101, 1037, 103, 1038, 102}, TOKENIZER.encode("a [MASK] b"));
  }
}
