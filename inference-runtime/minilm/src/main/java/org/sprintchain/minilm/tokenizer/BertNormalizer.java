package org.sprintchain.minilm.tokenizer;

import java.text.Normalizer;

/**
 * HuggingFace {@code BertNormalizer}, step for step: drop NUL, U+FFFD and "other" characters
 * (Unicode C*: control, format, unassigned, private use, surrogate) except tab/newline/return; map
 * Unicode White_Space to a space; pad CJK ideographs with spaces; NFD and drop non-spacing marks;
 * lower-case per code point. Java's {@code Character.isWhitespace} differs from Unicode
 * White_Space, so the property is spelled out.
 */
final class BertNormalizer {
  private final TokenizerConfig config;

  BertNormalizer(TokenizerConfig config) {
    this.config = config;
  }

  String normalize(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    text.codePoints()
        .forEach(
            cp -> {
              if (config.cleanText()) {
                if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                  return;
                }
                if (isWhitespace(cp)) {
                  cp = ' ';
                }
              }
              if (config.handleChineseChars() && isChinese(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
              } else {
                b.appendCodePoint(cp);
              }
            });
    String s = b.toString();
    if (config.stripAccents()) {
      StringBuilder stripped = new StringBuilder(s.length());
      Normalizer.normalize(s, Normalizer.Form.NFD)
          .codePoints()
          .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
          .forEach(stripped::appendCodePoint);
      s = stripped.toString();
    }
    if (config.lowercase()) {
      StringBuilder lower = new StringBuilder(s.length());
      // Per code point, like Rust's char::to_lowercase: no locale, no final-sigma context.
      s.codePoints()
          .forEach(
              cp -> {
                if (cp == 0x130) {
                  lower.append("i\u0307"); // the one unconditional multi-char lower-case mapping
                } else {
                  lower.appendCodePoint(Character.toLowerCase(cp));
                }
              });
      s = lower.toString();
    }
    return s;
  }

  /** Unicode White_Space (Rust {@code char::is_whitespace}). */
  static boolean isWhitespace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D)
        || cp == 0x20
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  private static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  private static boolean isChinese(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B920 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
