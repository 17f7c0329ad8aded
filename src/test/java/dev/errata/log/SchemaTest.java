package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaTest {

  private static ExperimentLog open(Path db, List<List<String>> migrations) {
    return ExperimentLog.open(Location.parse(db.toString()), Optional.empty(), migrations, 5_000);
  }

  private static int version(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      return Schema.version(c);
    }
  }

  @Test
  void newLogIsAtTheLatestVersionAndOpeningAgainChangesNothing() throws Exception {
    Path db = TestFolders.fresh("schema").resolve("runs.db");
    open(db, Schema.MIGRATIONS).close();
    open(db, Schema.MIGRATIONS).close();
    assertEquals(Schema.MIGRATIONS.size(), version(db));
    assertEquals(3, Schema.MIGRATIONS.size());
  }

  @Test
  void secondMigrationUpgradesAnExistingLogAndKeepsItsRuns() throws Exception {
    Path db = TestFolders.fresh("schema").resolve("runs.db");
    long id;
    try (ExperimentLog log = open(db, Schema.MIGRATIONS)) {
      id = log.start("old", Map.of("lr", 0.1), CodeVersion.none("t")).metric("acc", 0.5).finish().id();
    }
    List<List<String>> upgraded = new ArrayList<>(Schema.MIGRATIONS);
    upgraded.add(List.of("ALTER TABLE errata_run ADD COLUMN gpu {TEXT}"));
    try (ExperimentLog log = open(db, upgraded)) {
      assertEquals(Map.of("acc", 0.5), log.run(id).metrics());
    }
    assertEquals(4, version(db));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT gpu FROM errata_run")) {
      r.next();
      assertEquals(null, r.getString(1));
    }
  }

  @Test
  void logFromANewerErrataIsRefusedWithAClearMessage() {
    Path db = TestFolders.fresh("schema").resolve("runs.db");
    List<List<String>> newer = new ArrayList<>(Schema.MIGRATIONS);
    newer.add(List.of("ALTER TABLE errata_run ADD COLUMN gpu {TEXT}"));
    open(db, newer).close();
    ExperimentLogException e = assertThrows(ExperimentLogException.class, () -> open(db, Schema.MIGRATIONS));
    assertEquals("Cannot prepare the tables of experiment log " + db + ": the log is at schema version 4,"
        + " written by a newer Errata; this one reads up to version 3: update Errata", e.getMessage());
  }
}
