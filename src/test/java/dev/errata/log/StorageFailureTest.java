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
}
