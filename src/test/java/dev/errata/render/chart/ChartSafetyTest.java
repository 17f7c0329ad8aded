package dev.errata.render.chart;

import dev.errata.metrics.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errata.render.Hostile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** Hostile labels are data: they neither break a chart nor inject markup, in any output form. */
class ChartSafetyTest {

  private static final Set<String> SVG_ELEMENTS = Set.of("svg", "title", "rect", "path", "g", "text", "circle");
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

  @Test
  void everySvgIsWellFormedXmlWithOnlyDrawingElements() throws Exception {
    for (Map.Entry<String, Chart> e : Samples.withWorstCases().entrySet()) {
      Document doc = parse(e.getValue().svg());
      NodeList all = doc.getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        Element el = (Element) all.item(i);
        assertTrue(SVG_ELEMENTS.contains(el.getTagName()), e.getKey() + ": <" + el.getTagName() + ">");
        NamedNodeMap attrs = el.getAttributes();
        for (int a = 0; a < attrs.getLength(); a++) {
          String name = attrs.item(a).getNodeName().toLowerCase(java.util.Locale.ROOT);
          assertFalse(name.startsWith("on") || name.contains("href"), e.getKey() + ": attribute " + name);
        }
      }
    }
  }

  @Test
  void hostileLabelsSurviveAsTextInTheSvg() throws Exception {
    Document doc = parse(Samples.hostileBars().svg());
    List<String> texts = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    assertTrue(texts.contains("</script><script>alert(1)</…"), texts.toString());
    assertTrue(texts.contains("<img src=x onerror=alert(1)>"), texts.toString());
    assertTrue(texts.contains("\"double\" & 'single' quotes"), texts.toString());
    assertTrue(texts.contains("cat 🐱 dog 🐶"), texts.toString());
    assertTrue(texts.contains("ctrl \uFFFD nul \uFFFD end"), "forbidden XML characters become U+FFFD");
    assertTrue(texts.contains("long-" + "x".repeat(22) + "…"), "200-character names are cut: " + texts);
    assertEquals("</script><script>alert(1)</script> <img src=x onerror=alert(1)>",
        doc.getElementsByTagName("title").item(0).getTextContent());
  }

  @Test
  void htmlHoldsOnlyTheImageTheInertFigureAndTheLoader() {
    for (Map.Entry<String, Chart> e : Samples.withWorstCases().entrySet()) {
      String html = e.getValue().html();
      List<String> tags = new ArrayList<>();
      String loader = html.substring(html.lastIndexOf("<script>") + 8, html.lastIndexOf("</script>"));
      assertFalse(loader.contains("<"), "the loader script has no '<' at all");
      Matcher m = TAG.matcher(html.replaceAll("(?s)(<script[^>]*>).*?(</script>)", "$1$2"));
      while (m.find()) {
        tags.add(m.group(1) + m.group(2));
      }
      assertEquals(List.of("div", "img", "script", "/script", "script", "/script", "/div"), tags, e.getKey());
      String img = html.substring(html.indexOf("<img "), html.indexOf('>', html.indexOf("<img ")) + 1);
      assertEquals(
          List.of("src", "srcset", "width", "height", "alt", "style"), attributeNames(img), e.getKey());
      String json = figure(html);
      assertFalse(json.contains("</"), e.getKey());
      assertFalse(json.contains("<!--"), e.getKey());
      assertFalse(json.contains("\u2028") || json.contains("\u2029"), e.getKey());
    }
  }

  @Test
  void hostileLabelsReachPlotlyEscapedForItsTextRenderer() throws Exception {
    JsonNode f = new ObjectMapper().readTree(figure(Samples.hostileBars().html()));
    JsonNode y = f.path("data").path(0).path("y");
    assertEquals("&lt;/script>&lt;script>alert(1)&lt;/…", y.path(0).asText());
    assertEquals("&lt;img src=x onerror=alert(1)>", y.path(1).asText());
    assertEquals("\"double\" &amp; 'single' quotes", y.path(2).asText());
    assertEquals("&lt;!-- comment --> &amp; \u2028 line", y.path(5).asText());
    assertEquals("&lt;/script>&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)>",
        f.path("layout").path("title").path("text").asText());
  }

  @Test
  void imageIsThePngWithTheSvgAsAlternativeAndItsAltTextIsEscaped() throws Exception {
    Chart chart = Samples.hostileBars();
    String html = chart.html();
    Matcher png = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    assertTrue(png.find(), "the PNG is the image's src");
    assertEquals(chart.pngBase64(), png.group(1));
    Matcher m =
        Pattern.compile(" srcset=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+) 1x\"").matcher(html);
    assertTrue(m.find(), "the SVG is its srcset alternative");
    assertEquals(chart.svg(), new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
    assertTrue(html.contains("alt=\"&lt;/script&gt;&lt;script&gt;alert(1)"), html);
  }

  @Test
  void summaryIsOneLineAndIsolatesRightToLeftLabels() {
    Chart c = Charts.sliceMetric("t", "recall", Hostile.LABELS,
        List.of(0.1, 0.2, 0.3, 0.4, 0.05, 0.6, 0.7, 0.8), List.of(), List.of());
    assertFalse(c.text().contains("\n"));
    assertEquals("t: lowest \"\u2068مرحبا \u202Eevil\u2069\" 5.0 %, highest \"long-"
        + "x".repeat(34) + "…\" 80.0 % (8 slices)", c.text());
  }

  /** Returns the names of a tag's attributes, each written as name="value" with escaped values. */
  static List<String> attributeNames(String tag) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\s([a-zA-Z-]+)=\"[^\"<>]*\"").matcher(tag);
    int end = tag.indexOf(' ');
    while (m.find()) {
      assertEquals(end, m.start(), "nothing between attributes in " + tag);
      names.add(m.group(1));
      end = m.end();
    }
    assertEquals(tag.length() - 1, end, "attributes run to the end of " + tag);
    return names;
  }

  static String figure(String html) {
    int start = html.indexOf("<script type=\"application/json\">") + 32;
    return html.substring(start, html.indexOf("</script>", start));
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
