package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicArgsTest {

  private static final MagicArgs.Spec TAGS =
      MagicArgs.of("tags").positionals("P").options("where", "hlp").lists("tags", "expr").flags("all");

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> TAGS.parse(List.of(args)))
        .getMessage();
  }

  @Test
  void readsPositionalsOptionsListsAndFlags() {
    MagicArgs a = TAGS.parse(List.of("p", "--expr", "A,B", "--where=x > 1", "--all"));
    assertEquals(List.of("p"), a.positional());
    assertEquals(List.of("A", "B"), a.list("expr"));
    assertEquals("x > 1", a.option("where").orElseThrow());
    assertTrue(a.flag("all"));
    assertEquals(List.of(), a.list("tags"));
  }

  @Test
  void aQuotedListSplitByTheKernelIsAnErrorShowingTheWholeList() {
    // %tags p --expr "A","B" reaches the magic as [p, --expr, A, ,B].
    assertEquals(
        "%tags: --expr \"A\" is followed by \",B\", which %tags does not take; give the list as"
            + " one argument: --expr A,B",
        error("p", "--expr", "A", ",B"));
  }

  @Test
  void aListWithSpacesAfterItsCommasIsAnErrorShowingTheWholeList() {
    // %tags p --expr A, B reaches the magic as [p, --expr, A,, B].
    assertEquals(
        "%tags: --expr \"A,\" is followed by \"B\", which %tags does not take; give the list as"
            + " one argument: --expr A,B",
        error("p", "--expr", "A,", "B"));
  }

  @Test
  void anUnquotedValueWithSpacesIsAnErrorShowingItQuoted() {
    assertEquals(
        "%tags: --where \"accent\" is followed by \"==\" \"us\", which %tags does not take; quote"
            + " a value with spaces: --where \"accent == us\"",
        error("p", "--where", "accent", "==", "us"));
  }

  @Test
  void anExtraPositionalSaysWhatTheMagicTakes() {
    assertEquals(
        "%tags: unexpected \"q\"; it takes P before its options [--all, --expr, --hlp, --tags,"
            + " --where]",
        error("p", "q"));
  }

  @Test
  void anOptionGivenTwiceIsAnError() {
    assertEquals(
        "%tags: --where is given twice (\"a\", then \"b\"); give it once",
        error("p", "--where", "a", "--where", "b"));
  }

  @Test
  void aListGivenTwiceShowsItAsOneList() {
    assertEquals(
        "%tags: --tags is given twice (\"a,b\", then \"c\"); give it once, as one list: --tags"
            + " a,b,c",
        error("p", "--tags", "a,b", "--tags", "c"));
  }

  @Test
  void aFlagGivenTwiceIsAnError() {
    assertEquals("%tags: --all is given twice; give it once", error("p", "--all", "--all"));
  }

  @Test
  void aFlagWithAValueIsAnError() {
    assertEquals(
        "%tags: --all takes no value, got \"--all=yes\"; write --all", error("p", "--all=yes"));
  }

  @Test
  void anUnknownOptionListsTheKnownOptionsAndFlags() {
    assertEquals(
        "%tags: unknown option --exprs; options are [--all, --expr, --hlp, --tags, --where]",
        error("p", "--exprs", "A"));
  }

  @Test
  void anOptionAtTheEndIsMissingItsValue() {
    assertEquals("%tags: --tags needs a value; write --tags a,b,c", error("p", "--tags"));
  }

  @Test
  void anOptionFollowedByAnotherOptionIsMissingItsValue() {
    assertEquals(
        "%tags: --hlp needs a value, got the option --all; write --hlp VALUE",
        error("p", "--hlp", "--all"));
  }

  @Test
  void anEmptyListItemIsAnErrorShowingTheListWithoutIt() {
    MagicArgs a = TAGS.parse(List.of("p", "--tags", "a,,b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.list("tags"));
    assertEquals(
        "%tags: --tags \"a,,b\" has an empty item; separate the items with single commas: --tags"
            + " a,b",
        e.getMessage());
  }

  @Test
  void aListOfOnlyCommasShowsTheGeneralForm() {
    MagicArgs a = TAGS.parse(List.of("p", "--tags", ","));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.list("tags"));
    assertEquals(
        "%tags: --tags \",\" has an empty item; separate the items with single commas: --tags"
            + " a,b,c",
        e.getMessage());
  }

  @Test
  void restAcceptsAnyNumberOfPositionals() {
    MagicArgs a =
        MagicArgs.of("runs").rest().options("where").parse(List.of("--where", "a", ">", "1"));
    assertEquals("a", a.option("where").orElseThrow());
    assertEquals(List.of(">", "1"), a.positional());
  }
}
