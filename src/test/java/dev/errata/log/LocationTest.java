package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocationTest {

  @Test
  void filePathBecomesAbsoluteSqliteUrl() {
    Location l = Location.parse("runs.db");
    Path abs = Path.of("runs.db").toAbsolutePath().normalize();
    assertEquals("jdbc:sqlite:" + abs, l.url());
    assertEquals(Optional.of(abs), l.file());
    assertEquals(abs.toString(), l.shown());
  }

  @Test
  void passwordParameterLeavesTheUrlForTheProperties() {
    Location l = Location.parse("jdbc:postgresql://db:5432/runs?user=ana&password=s3cret&ssl=true");
    assertEquals("jdbc:postgresql://db:5432/runs?user=ana&ssl=true", l.url());
    assertEquals("s3cret", l.properties().getProperty("password"));
    assertEquals("jdbc:postgresql://db:5432/runs?user=ana&password=***&ssl=true", l.shown());
  }

  @Test
  void passwordAsFirstParameterKeepsTheRestValid() {
    Location l = Location.parse("jdbc:postgresql://db/runs?password=pw&user=ana");
    assertEquals("jdbc:postgresql://db/runs?user=ana", l.url());
    assertEquals("pw", l.properties().getProperty("password"));
  }

  @Test
  void userInfoPasswordIsMovedToo() {
    Location l = Location.parse("jdbc:postgresql://ana:pw@db/runs");
    assertEquals("jdbc:postgresql://db/runs", l.url());
    assertEquals("ana", l.properties().getProperty("user"));
    assertEquals("pw", l.properties().getProperty("password"));
    assertEquals("jdbc:postgresql://ana:***@db/runs", l.shown());
  }

  @Test
  void environmentVariableIsExpandedAndStaysHidden() {
    String path = System.getenv("PATH");
    Location l = Location.parse("jdbc:postgresql://db/runs?user=a&password=${PATH}");
    assertEquals(path, l.properties().getProperty("password"));
    assertFalse(l.shown().contains(path));
    assertFalse(l.url().contains(path));
  }

  @Test
  void unsetEnvironmentVariableIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Location.parse("jdbc:postgresql://db/runs?password=${ERRATA_SURELY_UNSET_VARIABLE}"));
    assertEquals("Experiment log location uses ${ERRATA_SURELY_UNSET_VARIABLE}, but that environment"
        + " variable is not set", e.getMessage());
  }
}
