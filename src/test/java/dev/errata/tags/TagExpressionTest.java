package dev.errata.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.errata.load.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagExpressionTest {

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() {
    assertEquals("a | b & !c", TagExpression.parse("a|b&!c").toString());
    assertEquals(
        new TagExpression.Or(
            new TagExpression.Name("a"),
            new TagExpression.And(
                new TagExpression.Name("b"), new TagExpression.Not(new TagExpression.Name("c")))),
        TagExpression.parse("a | b & !c"));
  }

  @Test
  void parenthesesGroupAndArePrintedOnlyWhereNeeded() {
    assertEquals("(a | b) & !(c & d)", TagExpression.parse(" ( (a|b) ) & !(c & d)").toString());
    assertEquals(List.of("a", "b", "c", "d"), TagExpression.parse("(a|b) & !(c & d)").names());
  }

  @Test
  void quotedNamesMayHoldSpacesAndOperators() {
    assertEquals(
        new TagExpression.And(new TagExpression.Name("car noise"), new TagExpression.Name("a&b")),
        TagExpression.parse("`car noise` & \"a&b\""));
    assertEquals("`car noise` & `a&b`", TagExpression.parse("`car noise` & \"a&b\"").toString());
  }

  @Test
  void evaluatesOnHandCheckedTags() {
    Tags tags = Small.tags();
    assertArrayEquals(new int[] {0, 1, 7}, tags.rows("car & !low"));
    assertArrayEquals(new int[] {0, 1, 2, 3, 5, 7}, tags.rows("car | people"));
    assertArrayEquals(new int[] {1, 3, 5, 7}, tags.rows("(car | low) & (people | low)"));
    assertArrayEquals(new int[] {4, 6}, tags.rows("!(car | people | low)"));
  }

  @Test
  void unknownRowsFollowThreeValuedLogic() {
    Predictions p = Small.predictions();
    Tags tags = Small.tags().plus(Tags.fromMetadata(p, "device"));
    // e6 (row 5) has no device: "device=phone" is unknown there, so neither it nor its negation holds,
    assertArrayEquals(new int[] {2, 3, 6}, tags.rows("!device=phone"));
    // but "low | device=phone" holds (low is true) and "car & !low & device=phone" is false, not unknown.
    assertArrayEquals(new int[] {0, 1, 3, 4, 5, 7}, tags.rows("low | device=phone"));
    TagExpression.Mask m = TagExpression.parse("!low & device=phone").eval(tags::tag);
    assertEquals(true, m.known().get(5));
    assertEquals(false, m.value().get(5));
  }

  @Test
  void unknownTagListsTheKnownTags() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Small.tags().count("car & !lowband"));
    assertEquals(
        "Unknown tag \"lowband\" in \"car & !lowband\"; tags are [car, people, low]", e.getMessage());
  }

  @Test
  void malformedExpressionShowsThePositionWithACaret() {
    assertMalformed(
        "car & )",
        "Malformed tag expression at position 7: expected a tag name, \"!\" or \"(\" but found \")\"\n"
            + "  car & )\n"
            + "        ^");
  }

  @Test
  void doubledOperatorsGetAHint() {
    assertMalformed(
        "car && low",
        "Malformed tag expression at position 6: expected a tag name, \"!\" or \"(\" but found \"&\""
            + " (a single & means and, a single | means or)\n"
            + "  car && low\n"
            + "       ^");
  }

  @Test
  void twoNamesWithoutAnOperatorAreMalformed() {
    assertMalformed(
        "car low",
        "Malformed tag expression at position 5: expected \"&\", \"|\" or the end but found tag"
            + " \"low\" (join tags with & or |)\n"
            + "  car low\n"
            + "      ^");
  }

  @Test
  void unclosedParenthesisPointsAtIt() {
    assertMalformed(
        "(car | low",
        "Malformed tag expression at position 1: this \"(\" is never closed\n"
            + "  (car | low\n"
            + "  ^");
  }

  @Test
  void emptyExpressionIsMalformed() {
    assertMalformed(
        "  ",
        "Malformed tag expression at position 3: the expression is empty; expected a tag name\n"
            + "    \n"
            + "    ^");
  }

  private static void assertMalformed(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TagExpression.parse(text));
    assertEquals(message, e.getMessage());
  }
}
