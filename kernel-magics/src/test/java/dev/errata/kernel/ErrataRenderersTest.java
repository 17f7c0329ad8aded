package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.errata.load.Predictions;
import dev.errata.metrics.ConfusionMatrix;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrataRenderersTest {

  @Test
  void confusionMatrixRendersAsEscapedHtmlWithTextFallback() {
    Renderer renderer = new Renderer();
    ErrataRenderers.registerInto(renderer);
    String hostile = "<img src=x onerror=alert(1)>";
    ConfusionMatrix cm =
        ConfusionMatrix.of(Predictions.of(List.of(hostile, "ok"), List.of(hostile, "ok")));
    DisplayData data = renderer.render(cm);
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    String text = (String) data.getData(MIMEType.TEXT_PLAIN);
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertFalse(html.contains("<img"));
    assertEquals(
        "Confusion matrix (rows = actual, columns = predicted) (3 rows × 4 columns)",
        text.lines().findFirst().orElseThrow());
  }
}
