package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void typedTextBecomesLongDoubleBooleanOrString() {
    assertEquals(3L, Params.parse("3"));
    assertEquals(-3L, Params.parse("-3"));
    assertEquals(0.01, Params.parse("0.01"));
    assertEquals(1e-5, Params.parse("1e-5"));
    assertEquals(true, Params.parse("true"));
    assertEquals("adam", Params.parse("adam"));
    assertEquals("0.1.2", Params.parse("0.1.2"));
  }

  @Test
  void listKeepsOrderAndTypes() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("lr", 0.01);
    expected.put("depth", 3L);
    expected.put("opt", "sgd");
    Map<String, Object> parsed = Params.parseList("lr=0.01,depth=3,opt=sgd");
    assertEquals(expected, parsed);
    assertEquals(List.of("lr", "depth", "opt"), List.copyOf(parsed.keySet()));
  }

  @Test
  void itemWithoutValueIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Params.parseList("lr=0.1,depth"));
    assertEquals("Parameter \"depth\" has no value; write name=value, e.g. lr=0.01,depth=3", e.getMessage());
  }

  @Test
  void storedTextReadsBackToTheSameValue() {
    for (Object v : List.of(0.1 + 0.2, Long.MAX_VALUE, false, "a,b", 1e-300)) {
      assertEquals(v, Params.decode(Params.kind(v), Params.encode(v)));
    }
  }

  @Test
  void smallIntegersWidenToLongAndFloatsToTheirDecimalDouble() {
    assertEquals(3L, Params.normalize("x", 3));
    assertEquals(0.1, Params.normalize("x", 0.1f));
  }
}
