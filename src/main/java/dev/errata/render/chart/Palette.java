package dev.errata.render.chart;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces a chart image to at most 256 colours, so its PNG is a third of the size: charts are flat
 * colours plus anti-aliased edges, and the most frequent 256 colours cover them closely.
 */
final class Palette {

  private Palette() {}

  static BufferedImage indexed(BufferedImage rgb) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
    Map<Integer, int[]> counts = new HashMap<>();
    for (int p : pixels) {
      counts.computeIfAbsent(p & 0xffffff, k -> new int[1])[0]++;
    }
    List<Map.Entry<Integer, int[]>> byCount = new ArrayList<>(counts.entrySet());
    byCount.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
        ? Integer.compare(b.getValue()[0], a.getValue()[0])
        : Integer.compare(a.getKey(), b.getKey()));
    int size = Math.min(256, byCount.size());
    int[] palette = new int[size];
    for (int i = 0; i < size; i++) {
      palette[i] = byCount.get(i).getKey();
    }
    Map<Integer, Integer> index = new HashMap<>();
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      r[i] = (byte) (palette[i] >> 16);
      g[i] = (byte) (palette[i] >> 8);
      b[i] = (byte) palette[i];
      index.put(palette[i], i);
    }
    int bits = size <= 2 ? 1 : size <= 4 ? 2 : size <= 16 ? 4 : 8;
    IndexColorModel model = new IndexColorModel(bits, size, r, g, b);
    BufferedImage out =
        bits == 8
            ? new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model)
            : new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, model);
    var raster = out.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = pixels[y * w + x] & 0xffffff;
        Integer i = index.get(c);
        if (i == null) {
          i = nearest(palette, c);
          index.put(c, i);
        }
        raster.setSample(x, y, 0, i);
      }
    }
    return out;
  }

  private static int nearest(int[] palette, int c) {
    int best = 0;
    long bestD = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      int dr = (palette[i] >> 16 & 255) - (c >> 16 & 255);
      int dg = (palette[i] >> 8 & 255) - (c >> 8 & 255);
      int db = (palette[i] & 255) - (c & 255);
      long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
}
