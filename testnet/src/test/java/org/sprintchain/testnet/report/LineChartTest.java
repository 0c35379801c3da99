package org.sprintchain.testnet.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
  @TempDir Path dir;

  @Test
  void ticksAreRoundValuesCoveringTheRange() {
    assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, LineChart.ticks(0, 100), 1e-9);
    assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10, 12}, LineChart.ticks(0, 11), 1e-9);
  }

  @Test
  void writesAReadablePngWithTheLineDrawn() throws IOException {
    Path file = dir.resolve("c.png");
    new LineChart("t", "x", "y")
        .add(new LineChart.Series("a", List.of(new double[] {0, 1}, new double[] {10, 5})))
        .markers("epoch start", List.of(5.0))
        .writePng(file);
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(960, img.getWidth());
    int colored = 0;
    for (int x = 0; x < img.getWidth(); x++) {
      for (int y = 0; y < img.getHeight(); y++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == 0x1f77b4) {
          colored++;
        }
      }
    }
    assertTrue(colored > 200, "the series color should cover the line, got " + colored + " px");
  }

  @Test
  void aDotSeriesDrawsCirclesInTheColourOfTheMatchingLine() throws IOException {
    Path file = dir.resolve("d.png");
    new LineChart("t", "x", "y")
        .add(new LineChart.Series("a", List.of(new double[] {0, 1}, new double[] {10, 1})))
        .add(new LineChart.Series("a (verified work)", List.of(new double[] {5, 4}), true))
        .writePng(file);
    BufferedImage img = ImageIO.read(file.toFile());
    // the dot (x 5 of 0..10, y 4 of 0..5) sits well above the line at y 1, in the line's colour
    int px = 80 + (960 - 80 - 180) / 2;
    int colored = 0;
    for (int x = px - 8; x <= px + 8; x++) {
      for (int y = 50; y < 200; y++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == 0x1f77b4) {
          colored++;
        }
      }
    }
    assertTrue(colored > 10, "the dot should be drawn, got " + colored + " px");
  }
}
