package dev.errata.render;

import java.util.List;

/** Labels that must stay data: they may neither break a table or chart nor inject markup. */
public final class Hostile {

  /** A label of 200 characters. */
  public static final String LONG = "long-" + "x".repeat(190) + "-end!";

  /** Every hostile label, in a fixed order. */
  public static final List<String> LABELS =
      List.of(
          "</script><script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "\"double\" & 'single' quotes",
          "cat 🐱 dog 🐶",
          "مرحبا \u202Eevil",
          "<!-- comment --> & \u2028 line",
          "ctrl \u0001 nul \u0000 end",
          LONG);

  private Hostile() {}
}
