package dev.errata.kernel;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allow-list HTML sanitizer modelled on what code hosts' notebook previews are reported to do
 * (GitHub's html-pipeline filter, JupyterLab's untrusted sanitizer): {@code <script>}, {@code
 * <style>}, {@code <svg>}, frames and forms go with their content; other unknown elements are
 * unwrapped; only a few attributes stay (no {@code on*}, {@code style}, {@code class}, {@code
 * data-*} or {@code srcset}); an image keeps its {@code src} only for http(s), relative URLs and
 * raster {@code data:} images (PNG, JPEG, GIF), and is dropped without one. Written for the HTML
 * our renderers produce (quoted attributes); comments are dropped.
 */
final class CodeHostSanitizer {

  private static final Set<String> DROPPED_WITH_CONTENT =
      Set.of(
          "script",
          "style",
          "svg",
          "math",
          "iframe",
          "object",
          "embed",
          "form",
          "template",
          "textarea",
          "select");
  private static final Set<String> ALLOWED =
      Set.of(
          "a",
          "b",
          "i",
          "em",
          "strong",
          "p",
          "div",
          "span",
          "br",
          "hr",
          "img",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "caption",
          "pre",
          "code",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "sub",
          "sup",
          "small",
          "details",
          "summary",
          "blockquote");
  private static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "img", Set.of("src", "alt", "width", "height", "title"),
          "a", Set.of("href", "title"),
          "td", Set.of("colspan", "rowspan", "align"),
          "th", Set.of("colspan", "rowspan", "align"));
  private static final Pattern TOKEN =
      Pattern.compile(
          "<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
          Pattern.DOTALL);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
  private static final Pattern SAFE_SRC =
      Pattern.compile(
          "(?i)(https?://|/|\\./|[a-z0-9_.-]+(/|$)|data:image/(png|jpeg|gif);base64,).*",
          Pattern.DOTALL);

  private CodeHostSanitizer() {}

  static String sanitize(String html) {
    StringBuilder out = new StringBuilder(html.length());
    Matcher m = TOKEN.matcher(html);
    int at = 0;
    while (m.find(at)) {
      out.append(html, at, m.start());
      at = m.end();
      if (m.group(2) == null) {
        continue; // a comment
      }
      String name = m.group(2).toLowerCase(Locale.ROOT);
      boolean end = !m.group(1).isEmpty();
      if (DROPPED_WITH_CONTENT.contains(name)) {
        if (!end) {
          Matcher close = Pattern.compile("(?i)</" + name + "\\s*>").matcher(html);
          at = close.find(at) ? close.end() : html.length();
        }
        continue;
      }
      if (!ALLOWED.contains(name)) {
        continue; // unwrapped: its text stays
      }
      if (end) {
        out.append("</").append(name).append('>');
        continue;
      }
      StringBuilder tag = new StringBuilder("<").append(name);
      boolean hasSrc = false;
      Matcher a = ATTRIBUTE.matcher(m.group(3));
      while (a.find()) {
        String attr = a.group(1).toLowerCase(Locale.ROOT);
        String value =
            a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
        if (!ATTRIBUTES.getOrDefault(name, Set.of()).contains(attr) || value == null) {
          continue;
        }
        if ((attr.equals("src") || attr.equals("href")) && !SAFE_SRC.matcher(value).matches()) {
          continue;
        }
        hasSrc |= attr.equals("src");
        tag.append(' ')
            .append(attr)
            .append("=\"")
            .append(value.replace("\"", "&quot;"))
            .append('"');
      }
      if (name.equals("img") && !hasSrc) {
        continue;
      }
      out.append(tag).append('>');
    }
    out.append(html.substring(Math.min(at, html.length())));
    return out.toString();
  }
}
