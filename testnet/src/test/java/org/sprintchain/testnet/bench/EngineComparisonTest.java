package org.sprintchain.testnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineComparisonTest {
  private static final String TOOL_OUTPUT =
      "{\"sentences\": 215, \"tokens\": 3549, \"warmup_rounds\": 1, \"rounds\": 5, \"threads\": 2,"
          + " \"corpus_digest\": \"d5cc\", \"multi_thread_bit_identical\": true,"
          + " \"onnxruntime\": \"ok\", \"cuda\": \"no CUDA backend for MiniLM\", \"results\": ["
          + "{\"engine\": \"integer\", \"threads\": 1, \"embeddings_per_s\": 32.30},"
          + "{\"engine\": \"integer\", \"threads\": 2, \"embeddings_per_s\": 60.00},"
          + "{\"engine\": \"onnxruntime\", \"threads\": 1, \"embeddings_per_s\": 813.00},"
          + "{\"engine\": \"onnxruntime\", \"threads\": 2, \"embeddings_per_s\": 1500.00}]}";

  @Test
  void ratiosAreOrtOverIntegerAtEachThreadCount() {
    ObjectNode o = EngineComparison.withRatios(TOOL_OUTPUT);
    assertEquals(2, o.path("ratios").size());
    assertEquals(1, o.path("ratios").get(0).path("threads").asInt());
    assertEquals(25.2, o.path("ratios").get(0).path("onnxruntime_over_integer").asDouble());
    assertEquals(25.0, o.path("ratios").get(1).path("onnxruntime_over_integer").asDouble());
  }

  @Test
  void noOrtRowsMeanNoRatios() {
    ObjectNode o =
        EngineComparison.withRatios(
            "{\"onnxruntime\": \"skipped\", \"results\": [{\"engine\": \"integer\", \"threads\": 1,"
                + " \"embeddings_per_s\": 30}]}");
    assertEquals(0, o.path("ratios").size());
    List<String> lines = EngineComparison.summary(o);
    assertTrue(lines.contains("  onnxruntime skipped"), lines.toString());
  }

  @Test
  void theSummaryHasOneRowPerMeasurementTheRatioAndTheCudaNote() {
    String text =
        String.join("\n", EngineComparison.summary(EngineComparison.withRatios(TOOL_OUTPUT)));
    assertTrue(text.contains("215 sentences, 3549 tokens"), text);
    assertTrue(text.contains("onnxruntime           1         813.00"), text);
    assertTrue(text.contains("ONNX Runtime / integer = 25.2x at 1 thread(s)"), text);
    assertTrue(text.contains("identical to single-thread: true"), text);
    assertTrue(text.contains("no CUDA backend for MiniLM"), text);
  }

  @Test
  void theCommandRunsTheToolFromItsLibFolderWithTheOptions() {
    InferenceBenchOptions quick =
        InferenceBenchOptions.parse(new String[] {"--quick", "--threads", "3"});
    List<String> cmd = EngineComparison.command("java", Path.of("/r/lib"), quick);
    assertEquals("java", cmd.get(0));
    assertTrue(cmd.contains("/r/lib/*"), cmd.toString());
    String tail =
        String.join(" ", cmd.subList(cmd.indexOf(EngineComparison.MAIN_CLASS), cmd.size()));
    assertEquals(
        EngineComparison.MAIN_CLASS + " --warmup 1 --rounds 2 --threads 3 --limit 60", tail);
    List<String> full =
        EngineComparison.command(
            "java", Path.of("/r/lib"), InferenceBenchOptions.parse(new String[0]));
    assertTrue(!full.contains("--limit"), full.toString());
  }

  @Test
  void aMissingToolSaysHowToBuildIt(@TempDir Path root) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> EngineComparison.run(root, InferenceBenchOptions.parse(new String[0]), l -> {}));
    assertTrue(e.getMessage().contains("bin/sprint build"), e.getMessage());
  }

  @Test
  void aLineThatIsNoJsonObjectIsAnError() {
    assertThrows(IllegalStateException.class, () -> EngineComparison.withRatios("[1, 2]"));
  }
}
