package dev.errata.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngAndJsonTest {

  @Test
  void pngHasTheSvgSizeAndPaintsTheSameCells() throws Exception {
    Chart chart = Charts.confusion(Samples.courseBinary());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.png()));
    Canvas canvas = chart.canvas();
    assertEquals(canvas.width, png.getWidth());
    assertEquals(canvas.height, png.getHeight());
    Canvas.Rect cell = canvas.shapes.stream()
        .filter(s -> s instanceof Canvas.Rect r && r.fill().equals(Style.blues(905.0 / 914)))
        .map(s -> (Canvas.Rect) s)
        .findFirst()
        .orElseThrow();
    int rgb = png.getRGB((int) (cell.x() + 3), (int) (cell.y() + 3)) & 0xffffff;
    assertEquals(Style.blues(905.0 / 914), String.format(java.util.Locale.ROOT, "#%06x", rgb));
  }

  @Test
  void pngCanBeDrawnSmaller() throws Exception {
    Chart chart = Samples.slices();
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(PngWriter.write(chart.canvas(), 0.5)));
    assertEquals(Math.round(chart.canvas().width * 0.5), png.getWidth());
  }

  @Test
  void jsonCannotCloseAScriptOrEndALine() {
    assertEquals("\"\\u003c/script>\\u003c!-- \\u2028\\u2029 \\\" \\\\ \\u0001 & >\"",
        Json.write("</script><!-- \u2028\u2029 \" \\ \u0001 & >"));
    assertEquals("[null,null,1,0.125,1.235,12345678]",
        Json.write(new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1.0, 0.125, 1.23456, 12345678}));
    assertEquals("{\"a\":[true,\"x\"]}", Json.write(Map.of("a", List.of(true, "x"))));
  }

  @Test
  void jsonReplacesLoneSurrogatesAndKeepsPairs() {
    assertEquals("\"🐱\\ufffd\"", Json.write("🐱\uD800"));
  }
}
