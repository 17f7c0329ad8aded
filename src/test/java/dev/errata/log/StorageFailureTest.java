package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Logs that cannot be opened or written fail with a clear message and lose nothing logged. */
class StorageFailureTest {

  @Test
  void missingFolderIsNamed() {
    Path folder = TestFolders.fresh("missing").resolve("no-such-folder");
    ExperimentLogException e = assertThrows(ExperimentLogException.class,
        () -> ExperimentLog.open(folder.resolve("runs.db").toString()));
    assertEquals("Cannot open experiment log " + folder.resolve("runs.db") + ": folder " + folder
        + " does not exist; create it or choose another log", e.getMessage());
  }

  @Test
  void folderThatIsAFileIsNamed() throws Exception {
    // Tests run as root, for whom permission bits do not stop writes; a file in the way does.
    Path file = Files.writeString(TestFolders.fresh("notdir").resolve("notes.txt"), "x");
    ExperimentLogException e = assertThrows(ExperimentLogException.class,
        () -> ExperimentLog.open(file.resolve("runs.db").toString()));
    assertEquals("Cannot open experiment log " + file.resolve("runs.db") + ": " + file
        + " is a file, not a folder", e.getMessage());
    assertThrows(ExperimentLogException.class,
        () -> ExperimentLog.open(file.resolve("deeper/runs.db").toString()));
  }

  @Test
  void logThatIsAFolderIsNamed() {
    Path dir = TestFolders.fresh("isdir");
    ExperimentLogException e = assertThrows(ExperimentLogException.class, () -> ExperimentLog.open(dir.toString()));
    assertEquals("Cannot open experiment log " + dir + ": it is a folder; give a file name such as "
        + dir.resolve("runs.db"), e.getMessage());
  }

  @Test
  void fileThatIsNoDatabaseIsNamed() throws Exception {
    Path notDb = Files.writeString(TestFolders.fresh("notdb").resolve("runs.db"), "this is not sqlite, just text ".repeat(40));
    ExperimentLogException e = assertThrows(ExperimentLogException.class, () -> ExperimentLog.open(notDb.toString()));
    assertTrue(e.getMessage().startsWith("Cannot open experiment log " + notDb + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("not a database"), e.getMessage());
  }

  @Test
  void writeThatFailsIsKeptInMemoryAndWrittenAtTheNextCall() throws Exception {
    Path db = TestFolders.fresh("retry").resolve("runs.db");
    try (ExperimentLog log = ExperimentLog.open(Location.parse(db.toString()), Optional.empty(), Schema.MIGRATIONS, 200)) {
      Run run = log.start("r", Map.of(), CodeVersion.none("t"));
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement s = other.createStatement()) {
        s.execute("BEGIN IMMEDIATE"); // another process holds the write lock past the timeout
        ExperimentLogException e = assertThrows(ExperimentLogException.class, () -> run.metric("accuracy", 0.8));
        assertTrue(e.getMessage().startsWith("Cannot save run " + run.id() + " in experiment log " + db + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(1 change(s) of run " + run.id()
            + " are kept in memory and written at the next call or run.save())"), e.getMessage());
        assertEquals(1, run.unsavedChanges());
        assertEquals(Map.of("accuracy", 0.8), run.record().metrics());
        s.execute("COMMIT");
      }
      run.metric("loss", 0.3).finish();
      assertEquals(0, run.unsavedChanges());
      RunRecord saved = log.run(run.id());
      assertEquals(Map.of("accuracy", 0.8, "loss", 0.3), saved.metrics());
      assertEquals(RunRecord.Status.FINISHED, saved.status());
    }
  }

  @Test
  void unsavedRunRecordsEverythingInMemory() {
    Run run = Run.unsaved("offline", Map.of("lr", 0.1), TestFolders.fresh("unsaved"));
    run.metric("acc", 0.7).note("log folder was missing");
    RunRecord r = run.finish();
    assertEquals(0, r.id());
    assertEquals(Map.of("lr", 0.1), r.params());
    assertEquals(Map.of("acc", 0.7), r.metrics());
    assertEquals(RunRecord.Status.FINISHED, r.status());
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static java.util.List<String> listing(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void textFileGivenAsTheLogIsRefusedAndLeftByteForByte() throws Exception {
    Path dir = TestFolders.fresh("foreign-text");
    Path text = Files.writeString(dir.resolve("notes.txt"), "my notes, not a log\n");
    String before = sha256(text);
    ExperimentLogException e =
        assertThrows(ExperimentLogException.class, () -> ExperimentLog.open(text.toString()));
    assertEquals("Cannot open experiment log " + text + ": not a database (a SQLite file starts with"
        + " \"SQLite format 3\"); it was left as it was: choose another file for the log", e.getMessage());
    assertEquals(before, sha256(text));
    assertEquals(java.util.List.of("notes.txt"), listing(dir));
  }

  @Test
  void foreignSqliteDatabaseIsRefusedAndLeftByteForByte() throws Exception {
    Path dir = TestFolders.fresh("foreign-db");
    Path db = dir.resolve("app.db");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
      s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)");
      s.execute("INSERT INTO users VALUES (1, 'ana')");
    }
    String before = sha256(db);
    ExperimentLogException e =
        assertThrows(ExperimentLogException.class, () -> ExperimentLog.open(db.toString()));
    assertEquals("Cannot open experiment log " + db + ": a SQLite database, but not an Errata"
        + " experiment log (it has no errata_schema_version table; its tables are [orders, users]);"
        + " it was left as it was: choose another file for the log", e.getMessage());
    assertEquals(before, sha256(db));
    assertEquals(java.util.List.of("app.db"), listing(dir));
  }

  @Test
  void emptyFileBecomesALog() throws Exception {
    Path empty = Files.createFile(TestFolders.fresh("empty").resolve("runs.db"));
    try (ExperimentLog log = ExperimentLog.open(empty.toString())) {
      log.start("first", java.util.Map.of(), CodeVersion.none("t")).finish();
      assertEquals(1, log.runs().rowCount());
    }
  }
}
