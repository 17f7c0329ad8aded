package dev.errata.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTableTest {

  @Test
  void everyCellHeaderAndCaptionIsEscaped() {
    Table t =
        Table.create(
            "<b>title</b>",
            StringColumn.create("<th>", "<img src=x onerror=alert(1)>", "</script>"),
            DoubleColumn.create("a&b", 1.5, Double.NaN));
    String html = HtmlTable.render(t);
    assertFalse(html.contains("<img"));
    assertFalse(html.contains("</script>"));
    assertFalse(html.contains("<b>"));
    assertEquals(
        "<table class=\"errata\"><caption style=\"caption-side:top;text-align:left\">"
            + "&lt;b&gt;title&lt;/b&gt; <span style=\"color:#666\">(2 rows × 2 columns)</span>"
            + "</caption><thead><tr><th style=\"text-align:left\">&lt;th&gt;</th>"
            + "<th style=\"text-align:right\">a&amp;b</th></tr></thead><tbody>"
            + "<tr><td style=\"text-align:left\">&lt;img src=x onerror=alert(1)&gt;</td>"
            + "<td style=\"text-align:right\">1.5</td></tr>"
            + "<tr><td style=\"text-align:left\">&lt;/script&gt;</td>"
            + "<td style=\"text-align:right\">undefined</td></tr></tbody></table>",
        html);
  }

  @Test
  void longTablesStopAtTheRowLimitAndSayHowManyMore() {
    Table t = Table.create("t", DoubleColumn.create("x", new double[] {1, 2, 3, 4, 5}));
    String html = HtmlTable.render(t, 2);
    assertEquals(2, html.split("<tr><td style=\"text-align:right\">").length - 1);
    assertEquals(true, html.contains("… 3 more rows"));
    assertEquals(true, html.contains("(5 rows × 1 column)"));
  }

  @Test
  void textViewAlignsNumbersRight() {
    Table t =
        Table.create("t", StringColumn.create("k", "a", "bb"), DoubleColumn.create("v", 1, 10));
    assertEquals("t (2 rows × 2 columns)\nk    v\na    1\nbb  10\n", HtmlTable.text(t, 10));
  }
}
