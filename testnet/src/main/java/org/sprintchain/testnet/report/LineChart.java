package org.sprintchain.testnet.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line chart rendered to PNG with {@code java.awt} in headless mode: axes with round tick
 * values, one polyline per series, a legend, and optional dashed vertical markers (epoch
 * boundaries). Enough for a run report, with no charting dependency.
 */
public final class LineChart {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 480;
  private static final int LEFT = 80;
  private static final int RIGHT = 180;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0xff7f0e),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x17becf),
    new Color(0x7f7f7f),
    new Color(0xbcbd22)
  };

  /**
   * One series: its name for the legend and its points, in x order, drawn as a line or, with {@code
   * dots}, as unconnected points (for values known at a few heights, such as the power an epoch
   * settles). Lines and dots each take the palette from its start, so the i-th dot series has the
   * colour of the i-th line.
   */
  public record Series(String name, List<double[]> points, boolean dots) {
    public Series {
      points = List.copyOf(points);
    }

    public Series(String name, List<double[]> points) {
      this(name, points, false);
    }
  }

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private final List<Double> markers = new ArrayList<>();
  private String markerLabel = "";

  public LineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  public LineChart add(Series s) {
    series.add(s);
    return this;
  }

  /** Dashed vertical lines at these x values, named once in the legend. */
  public LineChart markers(String label, List<Double> xs) {
    markerLabel = label;
    markers.addAll(xs);
    return this;
  }

  /** Renders and writes the PNG. */
  public void writePng(Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = render();
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  BufferedImage render() {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      draw(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  private void draw(Graphics2D g) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = 0;
    for (Series s : series) {
      for (double[] p : s.points()) {
        minX = Math.min(minX, p[0]);
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    if (minX > maxX) {
      minX = 0;
      maxX = 1;
    }
    if (maxX == minX) {
      maxX = minX + 1;
    }
    double[] yTicks = ticks(0, maxY <= 0 ? 1 : maxY * 1.1);
    double[] xTicks = ticks(minX, maxX);
    double y1 = yTicks[yTicks.length - 1];
    double x0 = minX;
    double x1 = maxX;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;

    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();

    // grid and tick labels
    g.setStroke(new BasicStroke(1f));
    for (double t : yTicks) {
      int py = TOP + plotH - (int) Math.round(t / y1 * plotH);
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(LEFT, py, LEFT + plotW, py);
      g.setColor(Color.DARK_GRAY);
      String label = format(t);
      g.drawString(label, LEFT - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
    }
    for (double t : xTicks) {
      if (t < x0 || t > x1) {
        continue;
      }
      int px = LEFT + (int) Math.round((t - x0) / (x1 - x0) * plotW);
      g.setColor(new Color(0xf0f0f0));
      g.drawLine(px, TOP, px, TOP + plotH);
      g.setColor(Color.DARK_GRAY);
      String label = format(t);
      g.drawString(label, px - fm.stringWidth(label) / 2, TOP + plotH + fm.getAscent() + 6);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString(xLabel, LEFT + plotW / 2 - fm.stringWidth(xLabel) / 2, HEIGHT - 15);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString(yLabel, -(TOP + plotH / 2 + fm.stringWidth(yLabel) / 2), 20);
    rotated.dispose();

    // markers
    int legendY = TOP + 10;
    if (!markers.isEmpty()) {
      Graphics2D dashed = (Graphics2D) g.create();
      dashed.setColor(new Color(0x999999));
      dashed.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
      for (double m : markers) {
        if (m >= x0 && m <= x1) {
          int px = LEFT + (int) Math.round((m - x0) / (x1 - x0) * plotW);
          dashed.drawLine(px, TOP, px, TOP + plotH);
        }
      }
      dashed.drawLine(LEFT + plotW + 15, legendY, LEFT + plotW + 35, legendY);
      dashed.dispose();
      g.setColor(Color.DARK_GRAY);
      g.drawString(markerLabel, LEFT + plotW + 40, legendY + fm.getAscent() / 2 - 1);
      legendY += 20;
    }

    // series
    int lines = 0;
    int dotted = 0;
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      Color color = PALETTE[(s.dots() ? dotted++ : lines++) % PALETTE.length];
      g.setColor(color);
      if (s.dots()) {
        g.setStroke(new BasicStroke(2f));
        for (double[] p : s.points()) {
          int px = LEFT + (int) Math.round((p[0] - x0) / (x1 - x0) * plotW);
          int py = TOP + plotH - (int) Math.round(p[1] / y1 * plotH);
          g.drawOval(px - 5, py - 5, 10, 10);
        }
        if (legendY < HEIGHT - BOTTOM) {
          g.drawOval(LEFT + plotW + 20, legendY - 5, 10, 10);
          g.setColor(Color.BLACK);
          g.drawString(s.name(), LEFT + plotW + 40, legendY + fm.getAscent() / 2 - 1);
          legendY += 20;
        }
        continue;
      }
      // series with equal values would hide each other: offset each by a pixel
      int offset = i - series.size() / 2;
      g.setStroke(new BasicStroke(2f));
      Path2D.Double path = new Path2D.Double();
      boolean first = true;
      for (double[] p : s.points()) {
        double px = LEFT + (p[0] - x0) / (x1 - x0) * plotW;
        double py = TOP + plotH - p[1] / y1 * plotH + offset;
        if (first) {
          path.moveTo(px, py);
          first = false;
        } else {
          path.lineTo(px, py);
        }
      }
      if (s.points().size() == 1) {
        double[] p = s.points().getFirst();
        int px = LEFT + (int) Math.round((p[0] - x0) / (x1 - x0) * plotW);
        int py = TOP + plotH - (int) Math.round(p[1] / y1 * plotH);
        g.fillOval(px - 3, py - 3, 6, 6);
      } else {
        g.draw(path);
      }
      if (legendY < HEIGHT - BOTTOM) {
        g.fillRect(LEFT + plotW + 15, legendY - 4, 20, 8);
        g.setColor(Color.BLACK);
        g.drawString(s.name(), LEFT + plotW + 40, legendY + fm.getAscent() / 2 - 1);
        legendY += 20;
      }
    }
  }

  /** About five round tick values covering [lo, hi]. */
  static double[] ticks(double lo, double hi) {
    double span = hi - lo;
    double raw = span / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / mag;
    double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    double start = Math.floor(lo / step) * step;
    List<Double> out = new ArrayList<>();
    for (double t = start; t <= hi + step * 0.999 && out.size() < 50; t += step) {
      out.add(t);
      if (t >= hi) {
        break;
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String format(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return String.format(Locale.ROOT, "%d", (long) Math.rint(v));
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
