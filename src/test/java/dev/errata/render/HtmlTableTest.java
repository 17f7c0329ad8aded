package dev.errata.render;

import dev.errata.present.ColumnKind;
import dev.errata.present.Section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTableTest {

  /** The course's binary report: precision 68 / 77, recall 68 / 86, with illustrative bounds. */
  static Table report() {
    return Table.create(
        "Per-class report",
        StringColumn.create("class", "defect", "ok"),
        DoubleColumn.create("precision", 68.0 / 77, 905.0 / 923),
        DoubleColumn.create("precision low", 0.799, 0.968),
        DoubleColumn.create("precision high", 0.939, 0.989),
        DoubleColumn.create("recall", 68.0 / 86, Double.NaN),
        DoubleColumn.create("f1", 0.834, 0.9),
        DoubleColumn.create("mcc", 0.8123456, Double.NaN),
        IntColumn.create("support", new int[] {86, 12345}));
  }

  /** The report with its declared kinds: rates, one interval, a count. */
  static Section reportSection() {
    return Section.of(report())
        .with(ColumnKind.LABEL, "class")
        .with(ColumnKind.PROPORTION, "precision", "recall", "f1")
        .interval("precision", "precision low", "precision high")
        .with(ColumnKind.COUNT, "support");
  }

  @Test
  void ratesReadAsPercentagesAndIntervalsMergeIntoTheirValue() {
    String text = HtmlTable.text(reportSection());
    assertEquals(
        "Per-class report (2 rows × 8 columns)\n"
            + "class             precision     recall      f1        mcc  support\n"
            + "defect  88.3 % [79.9, 93.9]     79.1 %  83.4 %     0.8123       86\n"
            + "ok      98.0 % [96.8, 98.9]  undefined  90.0 %  undefined   12,345\n",
        text);
  }

  @Test
  void htmlMatchesGoldenFile() {
    Golden.assertMatches("table-report.html", HtmlTable.render(reportSection()));
  }

  @Test
  void rowLimitSummarisesTheRestAndCaptionGivesTheFullShape() {
    Table t = Table.create("big", IntColumn.create("n", new int[1234]));
    String html = HtmlTable.render(t, 3);
    assertEquals(4, html.split("<tr>", -1).length - 2, "3 rows plus the summary row");
    assertTrue(html.contains(">… 1,231 more rows</td></tr></tbody>"), html);
    assertTrue(html.contains("<span>(1,234 rows × 1 column)</span>"), html);
    assertTrue(HtmlTable.text(t, 1).endsWith("n\n0\n… 1,233 more rows\n"));
  }

  @Test
  void declaredKindsDecideHowColumnsReadWhateverTheirNames() {
    Table t =
        Table.create(
            "t",
            DoubleColumn.create("recall", 0.5),
            DoubleColumn.create("score", 0.25),
            IntColumn.create("row_id", new int[] {123456}));
    Section format =
        Section.of(t)
            .with(ColumnKind.NUMBER, "recall")
            .with(ColumnKind.PROPORTION, "score")
            .with(ColumnKind.ID, "row_id");
    assertEquals(
        "t (1 row × 3 columns)\nrecall   score  row_id\n   0.5  25.0 %  123456\n",
        HtmlTable.text(format));
  }

  @Test
  void aPlainTableReadsByTypeWhateverItsColumnsAreCalled() {
    // No guessing from names: "recall" and "recall low" are the numbers they hold.
    Table t =
        Table.create(
            "t",
            DoubleColumn.create("recall", 0.5),
            DoubleColumn.create("recall low", 0.1),
            DoubleColumn.create("recall high", 0.2));
    assertEquals(
        "t (1 row × 3 columns)\nrecall  recall low  recall high\n   0.5         0.1          0.2\n",
        HtmlTable.text(t));
  }

  @Test
  void hostileLabelsAreEscapedEverywhere() {
    Section t = Section.of(hostileTable()).with(ColumnKind.PROPORTION, "error rate");
    String html = HtmlTable.render(t);
    for (String label : Hostile.LABELS) {
      assertTrue(html.replace("<wbr>", "").contains(Html.escape(label)), label);
    }
    String body = html.substring(html.indexOf("</style>") + 8);
    assertFalse(body.contains("<script"), body);
    assertFalse(body.contains("<img"), body);
    assertFalse(body.contains("<!--"), body);
    assertEquals(
        body.replaceAll("<[^>]*>", "").length(),
        body.replaceAll("<[^>]*>", "").replaceAll("[<>\"]", "").length(),
        "no raw < > or \" in text");
    Golden.assertMatches("table-hostile.html", html);
    Golden.assertMatches("table-hostile.txt", HtmlTable.text(t));
  }

  @Test
  void fullValueOfAShortenedCellIsItsEscapedTooltipAndNoColumn() {
    Table t =
        Table.create(
            "runs",
            StringColumn.create("code", "0123456", "none"),
            StringColumn.create("code (full)", "0123456789abcdef0123456789abcdef01234567", ""),
            StringColumn.create("data", "a\"<b>' 1f2e", ""),
            StringColumn.create("data (full)", "a\"<b>' /x/&y.csv sha256 1f2e3d", ""));
    Section shortened =
        Section.of(t)
            .with(ColumnKind.HASH, "code", "data")
            .fullValues("code", "code (full)")
            .fullValues("data", "data (full)");
    assertEquals(
        "runs (2 rows × 4 columns)\n"
            + "code     data\n"
            + "0123456  a\"<b>' 1f2e\n"
            + "none\n",
        HtmlTable.text(shortened));
    String html = HtmlTable.render(shortened);
    String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    assertEquals(
        // Short text cells keep to one line (white-space:nowrap, kept by JupyterLab's sanitizer).
        "<tbody><tr><td class=\"t\" style=\"text-align:left;white-space:nowrap\""
            + " title=\"0123456789abcdef0123456789abcdef01234567\">0123456</td>"
            + "<td class=\"t\" style=\"text-align:left;white-space:nowrap\""
            + " title=\"a&quot;&lt;b&gt;&#39; /x/&amp;y.csv sha256 1f2e3d\">a&quot;&lt;b&gt;&#39; 1f2e"
            + "</td></tr><tr><td class=\"t\" style=\"text-align:left;white-space:nowrap\">none</td>"
            + "<td class=\"t\" style=\"text-align:left;white-space:nowrap\"></td></tr>",
        body);
    assertFalse(html.contains("(full)"), html);
  }

  @Test
  void aFullColumnWithoutItsShortColumnStaysAColumn() {
    Table t = Table.create("t", StringColumn.create("x (full)", "abc"));
    assertEquals("t (1 row × 1 column)\nx (full)\nabc\n", HtmlTable.text(t));
  }

  @Test
  void numberColumnsUndefinedInEveryRowAreLeftOutWithANote() {
    Table t =
        Table.create(
            "always 0",
            StringColumn.create("class", "0", "1"),
            DoubleColumn.create("precision", Double.NaN, Double.NaN),
            DoubleColumn.create("precision low", 0.1, 0.2),
            DoubleColumn.create("precision high", 0.3, 0.4),
            DoubleColumn.create("recall", 1.0, 0.0),
            DoubleColumn.create("mcc", Double.NaN, Double.NaN),
            StringColumn.create("note", "", ""));
    Section s =
        Section.of(t)
            .with(ColumnKind.PROPORTION, "precision", "recall")
            .interval("precision", "precision low", "precision high");
    assertEquals(
        "always 0 (2 rows × 7 columns)\n"
            + "class   recall  note\n"
            + "0      100.0 %\n"
            + "1        0.0 %\n"
            + "Not shown, undefined in every row: precision, mcc\n",
        HtmlTable.text(s));
    String html = HtmlTable.render(s);
    assertTrue(
        html.endsWith(
            "</tbody></table></div><p style=\"color:#666;margin:0 0 .4em\">"
                + "Not shown, undefined in every row: precision, mcc</p>"),
        html);
    assertFalse(html.contains(">mcc<"), html);
  }

  @Test
  void aLongTableReadsEachRowByItsNameSoRatesAreNeverFractionsBesideCounts() {
    Table t =
        Table.create(
            "Binary metrics",
            StringColumn.create(
                "metric", "true positives", "precision", "false-positive rate", "kappa"),
            DoubleColumn.create("value", 68, 68.0 / 77, 9.0 / 914, 0.8123456));
    assertEquals(
        "Binary metrics (4 rows × 2 columns)\n"
            + "metric                value\n"
            + "true positives           68\n"
            + "precision            88.3 %\n"
            + "false-positive rate  0.98 %\n"
            + "kappa                0.8123\n",
        HtmlTable.text(
            Section.of(t)
                .byRow(
                    "value",
                    List.of(
                        ColumnKind.COUNT,
                        ColumnKind.PROPORTION,
                        ColumnKind.PROPORTION,
                        ColumnKind.NUMBER))));
  }

  @Test
  void fullTextWrapsLongCellsInTheirColumnAndCutsNothing() {
    Table t =
        Table.create(
            "help",
            StringColumn.create("option", "--tags", "--x"),
            StringColumn.create(
                "help", "tags from boolean columns of these names", "abcdefghijklmnop"),
            IntColumn.create("n", 1, 22));
    assertEquals(
        String.join(
            "\n",
            "help (2 rows × 3 columns)",
            "option  help          n",
            "--tags  tags from     1",
            "        boolean",
            "        columns of",
            "        these names",
            "--x     abcdefghijk  22",
            "        lmnop",
            ""),
        HtmlTable.fullText(t, 11));
    // The cut form of the same table, for contrast: unchanged.
    assertTrue(HtmlTable.text(t).contains("tags from boolean columns of these names"));
  }

  @Test
  void fullTextShowsEveryRow() {
    Table t = Table.create("n", IntColumn.create("n", new int[60]));
    String text = HtmlTable.fullText(t, 40);
    assertEquals(62, text.lines().count(), text);
    assertFalse(text.contains("more rows"));
  }

  @Test
  void aTableWithoutRowsKeepsItsColumns() {
    Table t = Table.create("empty", DoubleColumn.create("mcc"));
    assertEquals("empty (0 rows × 1 column)\nmcc\n", HtmlTable.text(t));
  }

  @Test
  void eachTableScrollsInItsOwnBoxAndWhatKeepsItReadableIsInline() {
    // Inline, since JupyterLab's sanitizer of untrusted output drops the stylesheet: headers and
    // short text stay on one line; long text carries its width cap and wraps at spaces.
    String longText = "a note that runs on for more than forty characters";
    Table t =
        Table.create(
            "",
            StringColumn.create("note", longText, "short-word"),
            tech.tablesaw.api.IntColumn.create("n", 1, 2));
    assertEquals(
        HtmlTable.STYLE
            + "<div class=\"errata-scroll\" style=\"overflow-x:auto\">"
            + "<table class=\"errata\" style=\"width:max-content\"><caption>"
            + "<span>(2 rows × 2 columns)</span></caption><thead><tr>"
            + "<th class=\"t\" style=\"text-align:left;white-space:nowrap\">note</th>"
            + "<th style=\"white-space:nowrap\">n</th></tr></thead><tbody>"
            + "<tr><td class=\"t\" style=\"text-align:left;max-width:32em\">"
            + longText
            + "</td><td>1</td></tr>"
            + "<tr><td class=\"t\" style=\"text-align:left;white-space:nowrap\">short-word</td>"
            + "<td>2</td></tr>"
            + "</tbody></table></div>",
        HtmlTable.render(t));
  }

  @Test
  void aCaptionKeepsANumberAndItsPercentSignTogether() {
    Table t = Table.create("baseline accuracy 45.0 % (majority class)", StringColumn.create("a", "x"));
    assertTrue(
        HtmlTable.render(t).contains("<bdi>baseline accuracy 45.0&nbsp;% (majority class)</bdi>"),
        HtmlTable.render(t));
  }

  @Test
  void longWordsGetBreakOpportunitiesThatSurviveSanitizers() {
    assertEquals(
        "a".repeat(30) + " &lt;b&gt; short",
        Html.escapeBreakable("a".repeat(30) + " <b> short"),
        "a word of 30 characters gets no break opportunity");
    assertEquals(
        "a".repeat(30) + "<wbr>aaaaa &lt;b&gt;", Html.escapeBreakable("a".repeat(35) + " <b>"));
    assertEquals(
        "🐱".repeat(30) + "<wbr>🐱",
        Html.escapeBreakable("🐱".repeat(31)),
        "never inside a surrogate pair");
  }

  static Table hostileTable() {
    List<String> labels = Hostile.LABELS;
    StringColumn names = StringColumn.create(labels.get(1));
    DoubleColumn rate = DoubleColumn.create("error rate");
    for (int i = 0; i < labels.size(); i++) {
      names.append(labels.get(i));
      rate.append(i / 10.0);
    }
    return Table.create(labels.get(0), names, rate);
  }

  @Test
  void smallPercentagesKeepTwoDecimalsSoTheCoursesGainsReadAsPrinted() {
    assertEquals("0.16 %", Numbers.percent(0.0016));
    assertEquals("0.6 %", Numbers.percent(0.006));
    assertEquals("0.0 %", Numbers.percent(0));
    assertEquals("94.0 %", Numbers.percent(0.94));
    assertEquals("1.0 %", Numbers.percent(0.00996));
  }

  @Test
  void smallNonZeroNumbersKeepTheirDigitsInsteadOfReadingZero() {
    assertEquals("0.00001", Numbers.format(1e-5));
    assertEquals("-0.0002346", Numbers.format(-0.00023456));
    assertEquals("0.8123", Numbers.format(0.8123456));
    assertEquals("0", Numbers.format(0.0));
  }
}
