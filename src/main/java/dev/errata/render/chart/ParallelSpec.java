package dev.errata.render.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the Plotly {@code parcoords} trace of {@link Parallel}, for {@link PlotlySpec}. */
final class ParallelSpec {

  private ParallelSpec() {}

  /**
   * Adds a {@code parcoords} trace: one dimension per axis (a text one with its categories as tick
   * labels), lines coloured by the last dimension on the blues scale of the static image.
   */
  static void add(Parallel p, List<Object> data, Map<String, Object> layout) {
    List<Object> dims = new ArrayList<>();
    for (Parallel.Dimension d : p.dimensions()) {
      double[] r = d.range();
      Map<String, Object> dim =
          PlotlySpec.map(
              "label", PlotlySpec.text(Style.cap(d.label(), ParallelLayout.AXIS_CHARS)),
              "values", d.values(),
              "range", r[1] > r[0] ? r : new double[] {r[0] - 0.5, r[0] + 0.5});
      if (d.categorical()) {
        double[] ticks = new double[d.categories().size()];
        java.util.Arrays.setAll(ticks, i -> i);
        dim.put("tickvals", ticks);
        dim.put(
            "ticktext",
            d.categories().stream()
                .map(c -> PlotlySpec.text(Style.cap(c, ParallelLayout.CATEGORY_CHARS)))
                .toList());
      } else if (d.percent()) {
        dim.put("tickformat", ".1%");
      }
      dims.add(dim);
    }
    Parallel.Dimension colour = p.colour();
    double[] cr = colour.range();
    data.add(
        PlotlySpec.map(
            "type", "parcoords",
            "dimensions", dims,
            "line",
                PlotlySpec.map(
                    "color", colour.values(),
                    "colorscale", Style.bluesScale(),
                    // The static image's colours: blues from 30 % (lowest) to 100 % (highest).
                    "cmin", cr[1] > cr[0] ? cr[0] - (cr[1] - cr[0]) * 3 / 7 : cr[0] - 0.65,
                    "cmax", cr[1] > cr[0] ? cr[1] : cr[0] + 0.35,
                    "showscale", true,
                    "colorbar",
                        PlotlySpec.map(
                            "title", PlotlySpec.map("text", PlotlySpec.text(Style.cap(colour.label(), 24))),
                            "thickness", 10))));
    int bottom = 40 + (int) LinesLayout.NOTE_LINE * p.notes().size();
    layout.put("margin", PlotlySpec.map("t", 90, "l", 80, "r", 80, "b", bottom));
    if (!p.notes().isEmpty()) {
      List<Object> notes = new ArrayList<>();
      for (int i = 0; i < p.notes().size(); i++) {
        notes.add(
            PlotlySpec.map(
                "xref", "paper", "yref", "paper", "x", 0, "xanchor", "left", "y", 0,
                "yanchor", "top", "yshift", -24 - LinesLayout.NOTE_LINE * i, "showarrow", false,
                "text", PlotlySpec.text(Style.cap(p.notes().get(i), 100)),
                "font", PlotlySpec.map("size", Style.SMALL_SIZE, "color", Style.MUTED)));
      }
      layout.put("annotations", notes);
    }
  }
}
