package dev.errata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Parsing against a {@link Command}: every argument error names the magic and the option. */
class ArgsTest {

  private static final Command TAGS =
      Command.line("tags")
          .summary("Per tag")
          .positional("P", "a predictions variable")
          .text("where", "EXPR", "keeps the examples where EXPR holds")
          .text("hlp", "FILE", "HLP per tag")
          .list("tags", "COL,COL", "tags from boolean columns")
          .list("expr", "EXPR,EXPR", "tags from expressions")
          .flag("all", "counts all examples")
          .example("%tags p --tags a,b")
          .build();

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> TAGS.parse(List.of(args)))
        .getMessage();
  }

  @Test
  void readsPositionalsOptionsListsAndFlags() {
    Args a = TAGS.parse(List.of("p", "--expr", "A,B", "--where=x > 1", "--all"));
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
    assertEquals("%tags: --tags needs a value; write --tags COL,COL", error("p", "--tags"));
  }

  @Test
  void anOptionFollowedByAnotherOptionIsMissingItsValue() {
    assertEquals(
        "%tags: --hlp needs a value, got the option --all; write --hlp FILE",
        error("p", "--hlp", "--all"));
  }

  @Test
  void anEmptyListItemIsAnErrorShowingTheListWithoutIt() {
    Args a = TAGS.parse(List.of("p", "--tags", "a,,b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.list("tags"));
    assertEquals(
        "%tags: --tags \"a,,b\" has an empty item; separate the items with single commas: --tags"
            + " a,b",
        e.getMessage());
  }

  @Test
  void aListOfOnlyCommasShowsTheGeneralForm() {
    Args a = TAGS.parse(List.of("p", "--tags", ","));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.list("tags"));
    assertEquals(
        "%tags: --tags \",\" has an empty item; separate the items with single commas: --tags"
            + " COL,COL",
        e.getMessage());
  }

  @Test
  void restAcceptsAnyNumberOfPositionals() {
    Args a =
        Command.line("runs")
            .summary("Shows the runs")
            .rest("ARG", "words")
            .text("where", "EXPR", "a filter")
            .example("%runs")
            .build()
            .parse(List.of("--where", "a", ">", "1"));
    assertEquals("a", a.option("where").orElseThrow());
    assertEquals(List.of(">", "1"), a.positional());
  }

  /** A command with one option of each type, defaults and a group of which one is needed. */
  private static final Command TYPED =
      Command.line("typed")
          .summary("Tries every type")
          .positional("P", "a predictions variable")
          .text("split", "COL", "the split column")
          .required()
          .whole("top", "N", "how many")
          .byDefault(10)
          .number("level", "X", "confidence level")
          .byDefault(0.95)
          .choice("normalize", "shares of what", "true", "pred", "all")
          .number("recall", "R", "a recall to reach")
          .number("at", "T", "a threshold")
          .exactlyOne("recall", "at")
          .flag("no-chart", "no chart")
          .example("%typed p --split s --at 0.5")
          .build();

  private static String typedError(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> TYPED.parse(List.of(args)))
        .getMessage();
  }

  @Test
  void typedAccessorsReturnTheValueGivenElseTheDefault() {
    Args given = TYPED.parse(List.of("p", "--split", "s", "--top", "3", "--level=0.9", "--at", "1e-1"));
    assertEquals(3, given.integer("top"));
    assertEquals(0.9, given.number("level"));
    assertEquals(0.1, given.number("at"));
    Args defaults = TYPED.parse(List.of("p", "--split", "s", "--recall", ".5"));
    assertEquals(10, defaults.integer("top"));
    assertEquals(0.95, defaults.number("level"));
    assertEquals(0.5, defaults.numberIfGiven("recall").orElseThrow());
    assertTrue(defaults.numberIfGiven("at").isEmpty());
    assertTrue(defaults.option("top").isEmpty());
  }

  @Test
  void aWholeNumberOptionRefusesOtherText() {
    assertEquals(
        "%typed: --top takes a whole number, got \"ten\"",
        typedError("p", "--split", "s", "--at", "1", "--top", "ten"));
    assertEquals(
        "%typed: --top takes a whole number, got \"2.5\"",
        typedError("p", "--split", "s", "--at", "1", "--top", "2.5"));
  }

  @Test
  void aNumberOptionRefusesWhatJavaWouldReadButNobodyWrites() {
    for (String text : List.of("NaN", "Infinity", "0x1p3", "1d", "0,5", "")) {
      assertEquals(
          "%typed: --level takes a number, got \"" + text + "\"",
          typedError("p", "--split", "s", "--at", "1", "--level=" + text));
    }
  }

  @Test
  void aChoiceListsTheValuesItTakes() {
    assertEquals(
        "%typed: --normalize takes true, pred or all, got \"rows\"",
        typedError("p", "--split", "s", "--at", "1", "--normalize", "rows"));
    assertEquals(
        "pred",
        TYPED.parse(List.of("p", "--split", "s", "--at", "1", "--normalize", "PRED"))
            .choice("normalize"));
  }

  @Test
  void aRequiredOptionIsNamedWithWhatItIs() {
    assertEquals(
        "%typed: --split COL is required: the split column", typedError("p", "--at", "1"));
  }

  @Test
  void aMissingPositionalShowsTheUsage() {
    assertEquals(
        "%typed: missing P (a predictions variable); write " + TYPED.usage(),
        typedError("--split", "s", "--at", "1"));
  }

  @Test
  void exactlyOneOfAGroupIsNeeded() {
    assertEquals(
        "%typed: give exactly one of --recall R or --at T", typedError("p", "--split", "s"));
    assertEquals(
        "%typed: give exactly one of --recall R or --at T; got [--recall, --at]",
        typedError("p", "--split", "s", "--recall", "0.9", "--at", "0.5"));
  }

  @Test
  void askingForAnOptionTheCommandDoesNotDeclareIsABug() {
    Args a = TYPED.parse(List.of("p", "--split", "s", "--at", "1"));
    assertEquals(
        "%typed declares no option --tops; options are [--at, --level, --no-chart, --normalize,"
            + " --recall, --split, --top]",
        assertThrows(IllegalStateException.class, () -> a.integer("tops")).getMessage());
    assertThrows(IllegalStateException.class, () -> a.list("top"));
  }

  @Test
  void theUsageLineComesFromTheDeclaration() {
    assertEquals(
        "%typed P --split COL [--top 10] [--level 0.95] [--normalize true|pred|all]"
            + " (--recall R | --at T) [--no-chart]",
        TYPED.usage());
    assertEquals(
        "%%audit P  (below it: the rules)",
        Command.cell("audit", "the rules")
            .summary("Checks rules")
            .positional("P", "predictions")
            .example("%%audit p")
            .build()
            .usage());
  }

  @Test
  void theOptionsTableHasARowPerArgumentAndOption() {
    Table t = TYPED.optionsTable();
    assertEquals("Arguments and options of %typed", t.name());
    assertEquals(
        List.of("P", "--split", "--top", "--level", "--normalize", "--recall", "--at", "--no-chart"),
        t.stringColumn("option").asList());
    assertEquals(
        List.of(
            "argument",
            "COL (text)",
            "N (whole number)",
            "X (number)",
            "one of true, pred, all",
            "R (number)",
            "T (number)",
            "flag, no value"),
        t.stringColumn("value").asList());
    assertEquals(
        List.of(
            "",
            "required",
            "10",
            "0.95",
            "",
            "required: one of --recall, --at",
            "required: one of --recall, --at",
            ""),
        t.stringColumn("default").asList());
    assertEquals(TYPED.options().get(0).help(), t.stringColumn("help").get(1));
  }

  @Test
  void aToolsHelpTextListsEveryOptionWithItsDefaultAndWrapsLongHelp() {
    Command tool =
        Command.tool("Gate")
            .summary("Checks a file")
            .description("Exits 1 when a check fails")
            .positional("FILE", "the file to check")
            .whole("max", "N", "the most failures shown")
            .byDefault(5)
            .text(
                "note",
                "TEXT",
                "a note printed above the report, which may be long enough to wrap onto a second"
                    + " line of the help")
            .example("Gate data.csv --max 3")
            .build();
    assertEquals(
        String.join(
            "\n",
            "usage: Gate FILE [--max 5] [--note TEXT] [--debug] [--help]",
            "",
            "Checks a file. Exits 1 when a check fails",
            "",
            "  FILE         the file to check",
            "  --max N      the most failures shown (default: 5)",
            "  --note TEXT  a note printed above the report, which may be long enough to wrap onto a"
                + " second line",
            "               of the help",
            "  --debug      on a failure, prints the stack trace too",
            "  --help       prints this help and exits",
            "",
            "E.g. Gate data.csv --max 3",
            ""),
        tool.helpText());
  }

  @Test
  void aDefaultTheOptionWouldRefuseIsRefusedWhenDeclared() {
    assertEquals(
        "%x: --top takes a whole number, got \"many\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> Command.line("x").whole("top", "N", "how many").byDefault("many"))
            .getMessage());
  }

  @Test
  void wordsSplitAtSpacesOutsideQuotes() {
    assertEquals(
        List.of("%runs", "--where", "metrics.accuracy > 0.9", "--last", "5"),
        Command.words("%runs --where \"metrics.accuracy > 0.9\"  --last 5"));
    assertEquals(List.of("--metrics", "accuracy,recall of 1"),
        Command.words("--metrics \"accuracy,recall of 1\""));
  }

  @Test
  void optionsThatGoOnlyWithOthersOrNotWithThemAreCheckedAndSaidInTheHelp() {
    Command runs =
        Command.line("runs")
            .summary("Runs")
            .text("csv", "FILE", "writes the runs")
            .flag("force", "replaces an existing file")
            .flag("compare", "compares two runs")
            .text("chart", "KIND", "draws the runs")
            .onlyWith("force", "csv")
            .notWith("chart", "compare", "csv")
            .example("%runs --csv r.csv --force")
            .build();
    runs.parse(List.of("--csv", "r.csv", "--force"));
    assertEquals(
        "%runs: --force only goes with --csv FILE",
        assertThrows(IllegalArgumentException.class, () -> runs.parse(List.of("--force")))
            .getMessage());
    assertEquals(
        "%runs: --chart does not go with --compare, --csv",
        assertThrows(
                IllegalArgumentException.class,
                () -> runs.parse(List.of("--chart", "across", "--compare", "--csv", "r.csv")))
            .getMessage());
    Table help = runs.optionsTable();
    assertEquals("replaces an existing file (only with --csv)", help.stringColumn("help").get(1));
    assertEquals("draws the runs (not with --compare, --csv)", help.stringColumn("help").get(3));
  }
}
