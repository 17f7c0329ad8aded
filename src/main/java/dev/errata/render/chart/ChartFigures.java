package dev.errata.render.chart;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Axis.AutoRange;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Layout.BarMode;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Builds a tablesaw-jsplot {@link Figure} with a chart's data (bars, lines or heatmap; parallel
 * coordinates as one line per run over the axes placed on [0, 1]), its title
 * and axis titles, for a user to restyle with jsplot's API. Errata's own drawing (whiskers, notes,
 * the gap bar, reference lines, row-share colours) stays with {@link Chart}; the figure carries the
 * numbers.
 */
final class ChartFigures {

  private ChartFigures() {}

  static Figure of(Chart chart) {
    Plot plot = chart.plot();
    List<Trace> traces = new ArrayList<>();
    Layout.LayoutBuilder layout = Layout.builder(chart.title()).width(800).height(500);
    if (plot instanceof Bars b) {
      Object[] cats = b.categories().toArray();
      for (Bars.Series s : b.series()) {
        traces.add(
            BarTrace.builder(cats, doubles(s.values()))
                .orientation(BarTrace.Orientation.HORIZONTAL)
                .name(s.name())
                .build());
      }
      layout
          .barMode(BarMode.GROUP)
          .xAxis(tech.tablesaw.plotly.components.Axis.builder().title(b.axis().title()).build())
          .yAxis(
              tech.tablesaw.plotly.components.Axis.builder().autoRange(AutoRange.REVERSED).build());
    } else if (plot instanceof Lines l) {
      for (Lines.Curve c : l.curves()) {
        traces.add(
            ScatterTrace.builder(c.x(), c.y()).mode(ScatterTrace.Mode.LINE).name(c.name()).build());
      }
      layout
          .xAxis(tech.tablesaw.plotly.components.Axis.builder().title(l.x().title()).build())
          .yAxis(tech.tablesaw.plotly.components.Axis.builder().title(l.y().title()).build());
    } else if (plot instanceof Parallel p) {
      // jsplot has no parallel-coordinates trace: each line over the axes placed on [0, 1].
      double[] x = new double[p.dimensions().size()];
      java.util.Arrays.setAll(x, i -> i);
      for (int i = 0; i < p.lines().size(); i++) {
        double[] y = new double[x.length];
        for (int d = 0; d < x.length; d++) {
          y[d] = p.dimensions().get(d).normalized(i);
        }
        traces.add(
            ScatterTrace.builder(x, y)
                .mode(ScatterTrace.Mode.LINE)
                .name(p.lines().get(i))
                .build());
      }
      String axes =
          String.join(", ", p.dimensions().stream().map(Parallel.Dimension::label).toList());
      layout
          .xAxis(tech.tablesaw.plotly.components.Axis.builder().title("axes: " + axes).build())
          .yAxis(
              tech.tablesaw.plotly.components.Axis.builder()
                  .title("position on each axis (0 = lowest, 1 = highest)")
                  .build());
    } else if (plot instanceof Heatmap h) {
      traces.add(
          HeatmapTrace.builder(h.columns().toArray(), h.rows().toArray(), h.counts()).build());
      layout
          .xAxis(tech.tablesaw.plotly.components.Axis.builder().title(h.columnAxis()).build())
          .yAxis(
              tech.tablesaw.plotly.components.Axis.builder()
                  .title(h.rowAxis())
                  .autoRange(AutoRange.REVERSED)
                  .build());
    }
    return new Figure(layout.build(), traces.toArray(new Trace[0]));
  }

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
