package dev.errata.render.chart;

import dev.errata.render.Html;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a chart's HTML output: the static chart as an {@code <img>} data URI, a PNG with the SVG
 * as a {@code srcset} candidate (a PNG because code hosts' sanitizers drop SVG; shown by every
 * viewer, scripts or not), the Plotly figure as inert JSON, and a small guarded script. Where
 * scripts run, the script looks for plotly.js ≥ 2 ({@code window.Plotly}, or a {@code plotly}
 * module already loaded by RequireJS), otherwise loads the pinned build once per page with its
 * integrity hash, and swaps the image for the interactive chart only once Plotly has drawn it.
 * Any failure (offline, blocked, old Plotly) leaves the image in place.
 */
final class ChartHtml {

  private ChartHtml() {}

  /**
   * Returns the static image: the PNG as the {@code src} (code hosts' sanitizers keep a PNG
   * data URI and drop SVG) and the SVG as a {@code srcset} candidate, which browsers that keep
   * the attribute prefer (sharp at any zoom). Without a PNG, the SVG is the {@code src}.
   */
  static String image(String svg, String pngBase64, int width, int height, String alt) {
    String svgUri =
        "data:image/svg+xml;base64,"
            + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    return pngBase64.isEmpty()
        ? img(svgUri, null, width, height, alt)
        : img("data:image/png;base64," + pngBase64, svgUri, width, height, alt);
  }

  /** Returns the PNG alone as the static image. */
  static String png(String pngBase64, int width, int height, String alt) {
    return img("data:image/png;base64," + pngBase64, null, width, height, alt);
  }

  /** One {@code <img>}: {@code src}, an optional 1x {@code srcset} alternative, size and alt text. */
  private static String img(String src, String srcset, int width, int height, String alt) {
    return "<img src=\""
        + src
        + (srcset == null ? "" : "\" srcset=\"" + srcset + " 1x")
        + "\" width=\""
        + width
        + "\" height=\""
        + height
        + "\" alt=\""
        + Html.escape(alt)
        + "\" style=\"max-width:100%;height:auto\">";
  }

  /**
   * Returns the chart's box: {@code staticPart} (already HTML), then, unless {@code figureJson}
   * is null, the figure as inert JSON and the guarded loader.
   */
  static String wrap(String id, String staticPart, String figureJson, PlotlyJs js) {
    return "<div class=\"errata-chart\" data-errata-chart=\""
        + id
        + "\">"
        + staticPart
        + (figureJson == null
            ? ""
            : "<script type=\"application/json\">"
                + figureJson
                + "</script><script>"
                + loader(id, js)
                + "</script>")
        + "</div>";
  }

  /** Returns the guarded loader script for the chart(s) marked {@code id}. */
  static String loader(String id, PlotlyJs js) {
    StringBuilder url = new StringBuilder();
    Json.string(url, js.url());
    StringBuilder sri = new StringBuilder();
    Json.string(sri, js.integrity());
    return "(function(){try{var w=window,d=document,id=\"" + id + "\",q=w.errataPlotly;"
        + "function ok(P){return!!(P&&P.newPlot&&parseInt(P.version,10)>=2)}"
        + "function one(P,b){if(b.getAttribute(\"data-errata-done\"))return;"
        + "b.setAttribute(\"data-errata-done\",\"1\");"
        + "var s=b.querySelector('script[type=\"application/json\"]'),m=b.querySelector(\"img\"),"
        + "t=d.createElement(\"div\");function no(){if(t.parentNode)b.removeChild(t)}"
        + "try{var f=JSON.parse(s.textContent);f.data.forEach(function(c){if(c.errataRowShare){"
        + "delete c.errataRowShare;c.z=c.text.map(function(r){var n=0;r.forEach(function(v){n+=+v||0});"
        + "return r.map(function(v){return n?(+v||0)/n:null})})}});b.insertBefore(t,m);"
        + "P.newPlot(t,f.data,f.layout,f.config).then(function(){if(m)m.style.display=\"none\"},no)"
        + "}catch(e){no()}}"
        + "function draw(P){var a=d.querySelectorAll('div[data-errata-chart=\"'+id+'\"]');"
        + "for(var i=0;a.length>i;i++)one(P,a[i])}"
        + "if(ok(w.Plotly))return draw(w.Plotly);"
        + "var r=w.requirejs;if(r&&r.defined&&r.defined(\"plotly\")&&ok(r(\"plotly\")))"
        + "return draw(r(\"plotly\"));"
        + "if(q){if(q.P)draw(q.P);else if(!q.failed)q.push(draw);return}"
        + "q=w.errataPlotly=[draw];var e=d.createElement(\"script\");"
        + "e.src=" + url + ";e.integrity=" + sri + ";e.crossOrigin=\"anonymous\";"
        + "e.onload=function(){if(ok(w.Plotly)){q.P=w.Plotly;"
        + "for(var j=0;q.length>j;j++)q[j](q.P)}else q.failed=1};"
        + "e.onerror=function(){q.failed=1};d.head.appendChild(e)}catch(x){}})();";
  }
}
