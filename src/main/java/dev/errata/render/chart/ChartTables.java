package dev.errata.render.chart;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Turns a chart's data back into a table: what it shows, as numbers (and as the table view). */
final class ChartTables {

  private ChartTables() {}

  static Table of(Chart chart) {
    Plot plot = chart.plot();
    if (plot instanceof Heatmap h) {
      Table t = Table.create(chart.title(), StringColumn.create(h.rowAxis() + " \\ " + h.columnAxis(), h.rows()));
      for (int c = 0; c < h.columns().size(); c++) {
        double[] col = new double[h.rows().size()];
        for (int r = 0; r < col.length; r++) {
          col[r] = h.count(r, c);
        }
        t.addColumns(DoubleColumn.create(unique(t, h.columns().get(c)), col));
      }
      return t;
    }
    if (plot instanceof Bars b) {
      Table t = Table.create(chart.title(), StringColumn.create("category", b.categories()));
      for (Bars.Series s : b.series()) {
        String name = unique(t, s.name());
        t.addColumns(DoubleColumn.create(name, s.values()));
        if (s.hasIntervals()) {
          t.addColumns(DoubleColumn.create(unique(t, name + " low"), s.lower()),
              DoubleColumn.create(unique(t, name + " high"), s.upper()));
        }
      }
      if (!b.notes().isEmpty()) {
        t.addColumns(StringColumn.create(unique(t, "note"), b.notes()));
      }
      return t;
    }
    if (plot instanceof Parallel p) {
      Table t = Table.create(chart.title(), StringColumn.create("line", p.lines()));
      for (Parallel.Dimension d : p.dimensions()) {
        String name = unique(t, d.label());
        if (d.categorical()) {
          StringColumn c = StringColumn.create(name);
          for (int i = 0; i < d.size(); i++) {
            c.append(d.text(i));
          }
          t.addColumns(c);
        } else {
          t.addColumns(DoubleColumn.create(name, d.values()));
        }
      }
      return t;
    }
    Lines l = (Lines) plot;
    StringColumn curve = StringColumn.create("curve");
    StringColumn x = StringColumn.create(l.x().title().isEmpty() ? "x" : l.x().title());
    DoubleColumn y = DoubleColumn.create(unique(Table.create("", x), l.y().title().isEmpty() ? "y" : l.y().title()));
    for (Lines.Curve c : l.curves()) {
      for (int i = 0; i < c.size(); i++) {
        curve.append(c.name());
        int index = (int) Math.round(c.xAt(i));
        x.append(l.xCategories().isEmpty() ? dev.errata.render.Numbers.format(c.xAt(i))
            : index >= 0 && index < l.xCategories().size() ? l.xCategories().get(index) : "");
        y.append(c.yAt(i));
      }
    }
    return Table.create(chart.title(), curve, x, y);
  }

  private static String unique(Table t, String name) {
    String n = name;
    while (t.columnNames().contains(n)) {
      n = n + " ";
    }
    return n;
  }
}
