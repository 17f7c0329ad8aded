package dev.errata.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Every URL form of a password: what is connected with, what is shown, what errors say. */
class SecretsTest {

  /** A password holding every separator a URL grammar could stop at. */
  private static final String HARD = "p@ss,w0rd;&=x";

  private static Map<String, String> props(Location l) {
    Properties p = l.properties();
    return Map.copyOf(
        p.stringPropertyNames().stream()
            .collect(java.util.stream.Collectors.toMap(k -> k, p::getProperty)));
  }

  @Test
  void issueExampleIsHiddenWhole() {
    Location l = Location.parse("jdbc:postgresql://db/runs?user=ana&password=hunter2-p@ss,w0rd");
    assertEquals("jdbc:postgresql://db/runs?user=ana", l.url());
    assertEquals(Map.of("password", "hunter2-p@ss,w0rd"), props(l));
    assertEquals("jdbc:postgresql://db/runs?user=ana&password=***", l.shown());
  }

  @Test
  void queryParameterValueMayHoldEverySeparator() {
    Location l =
        Location.parse("jdbc:postgresql://db/runs?password=" + HARD + "&user=ana&ssl=true");
    assertEquals("jdbc:postgresql://db/runs?user=ana&ssl=true", l.url());
    assertEquals(Map.of("password", HARD), props(l));
    assertEquals("jdbc:postgresql://db/runs?password=***&user=ana&ssl=true", l.shown());
  }

  @Test
  void pwdInAnyCaseIsAPasswordToo() {
    Location l = Location.parse("jdbc:mysql://db:3306/runs?user=ana&PWD=" + HARD);
    assertEquals("jdbc:mysql://db:3306/runs?user=ana", l.url());
    assertEquals(Map.of("PWD", HARD), props(l));
    assertEquals("jdbc:mysql://db:3306/runs?user=ana&PWD=***", l.shown());
  }

  @Test
  void percentEncodedPasswordIsDecodedForDriversThatDecodeUrls() {
    Location l = Location.parse("jdbc:postgresql://db/runs?password=s3cr%40t%26x");
    assertEquals(Map.of("password", "s3cr@t&x"), props(l));
    assertEquals("jdbc:postgresql://db/runs", l.url());
  }

  @Test
  void sqlServerSemicolonsAndBracedValues() {
    Location l =
        Location.parse(
            "jdbc:sqlserver://host:1433;databaseName=runs;user=sa;password={p;w}}d};encrypt=true");
    assertEquals("jdbc:sqlserver://host:1433;databaseName=runs;user=sa;encrypt=true", l.url());
    assertEquals(Map.of("password", "p;w}d"), props(l));
    assertEquals(
        "jdbc:sqlserver://host:1433;databaseName=runs;user=sa;password=***;encrypt=true",
        l.shown());
    Location plain = Location.parse("jdbc:sqlserver://host;Password=" + HARD);
    assertEquals("jdbc:sqlserver://host", plain.url());
    assertEquals(Map.of("Password", HARD), props(plain));
  }

  @Test
  void userInfoPasswordEndsAtTheLastAtBeforeTheHost() {
    Location l = Location.parse("jdbc:postgresql://bob:pa@ss@host/db");
    assertEquals("jdbc:postgresql://host/db", l.url());
    assertEquals(Map.of("user", "bob", "password", "pa@ss"), props(l));
    assertEquals("jdbc:postgresql://bob:***@host/db", l.shown());
    Location hard = Location.parse("jdbc:mysql://bob:" + HARD + "@host:3306/db?ssl=true");
    assertEquals("jdbc:mysql://host:3306/db?ssl=true", hard.url());
    assertEquals(Map.of("user", "bob", "password", HARD), props(hard));
    assertEquals("jdbc:mysql://bob:***@host:3306/db?ssl=true", hard.shown());
  }

  @Test
  void hostPortAndAnEmailInTheQueryAreNoUserInfo() {
    Location l = Location.parse("jdbc:postgresql://host:5432/db?user=ana@example.org");
    assertEquals("jdbc:postgresql://host:5432/db?user=ana@example.org", l.url());
    assertEquals(Map.of(), props(l));
  }

  @Test
  void oracleUserSlashPassword() {
    Location l = Location.parse("jdbc:oracle:thin:scott/" + HARD + "@dbhost:1521/ORCL");
    assertEquals("jdbc:oracle:thin:@dbhost:1521/ORCL", l.url());
    assertEquals(Map.of("user", "scott", "password", HARD), props(l));
    assertEquals("jdbc:oracle:thin:scott/***@dbhost:1521/ORCL", l.shown());
    Location service = Location.parse("jdbc:oracle:thin:scott/tiger@//dbhost:1521/svc");
    assertEquals("jdbc:oracle:thin:@//dbhost:1521/svc", service.url());
    assertEquals("jdbc:oracle:thin:scott/***@//dbhost:1521/svc", service.shown());
  }

  @Test
  void passwordInPropertiesIsHiddenInAnyText() {
    Properties given = new Properties();
    given.setProperty("user", "ana");
    given.setProperty("password", "from-a-file");
    Location l = Location.parse("jdbc:postgresql://db/runs", given);
    assertEquals("jdbc:postgresql://db/runs", l.shown());
    assertEquals("from-a-file", l.properties().getProperty("password"));
    assertEquals(
        "auth failed for ana with *** (%s)".formatted("***"),
        l.redact("auth failed for ana with from-a-file (from-a-file)"));
    assertFalse(l.toString().contains("from-a-file"));
  }

  @Test
  void redactFindsEveryFormInFreeText() {
    // A value may hold ';', so in free text the one before the space goes with it.
    assertEquals(
        "failed for jdbc:x://h/d;user=a;password=*** retry",
        Secrets.redact("failed for jdbc:x://h/d;user=a;password=zz; retry", List.of()));
    assertEquals(
        "jdbc:mysql://root:***@h/d", Secrets.redact("jdbc:mysql://root:toor@h/d", List.of()));
    assertEquals("PASSWORD=*** was wrong", Secrets.redact("PASSWORD=hunter2 was wrong", List.of()));
    assertEquals(
        "url jdbc:oracle:thin:scott/***@h:1521/x refused",
        Secrets.redact("url jdbc:oracle:thin:scott/tiger@h:1521/x refused", List.of()));
    assertEquals(
        "at jdbc:postgresql://h/d?sslpassword=***&pwd=***",
        Secrets.redact("at jdbc:postgresql://h/d?sslpassword=k3y&pwd=" + HARD, List.of()));
    assertEquals(
        "log x?password=***; add a driver",
        Secrets.redact("log x?password=***; add a driver", List.of()));
    assertEquals(
        "FATAL: password authentication failed for user \"errata\"",
        Secrets.redact("FATAL: password authentication failed for user \"errata\"", List.of()));
  }

  /** A driver that, as some do, echoes the URL and the properties in its errors. */
  private static final class EchoingDriver implements Driver {
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
      SQLException e =
          new SQLException(
              "Cannot reach " + url + " with " + info,
              "08001",
              new IOException("handshake sent password " + info.getProperty("password")));
      e.addSuppressed(new IllegalStateException("retry with " + info));
      throw e;
    }

    @Override
    public boolean acceptsURL(String url) {
      return url.startsWith("jdbc:echo:") || url.startsWith("jdbc:oracle:echo:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
      return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
      return 1;
    }

    @Override
    public int getMinorVersion() {
      return 0;
    }

    @Override
    public boolean jdbcCompliant() {
      return false;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }
  }

  @Test
  void driverErrorsThatEchoTheCredentialsAreRedactedThroughTheWholeCauseChain() throws Exception {
    Driver echo = new EchoingDriver();
    DriverManager.registerDriver(echo);
    try {
      for (String url :
          List.of(
              "jdbc:echo://db/runs?user=ana&password=" + HARD,
              "jdbc:echo://ana:" + HARD + "@db/runs",
              "jdbc:oracle:echo:ana/" + HARD + "@db:1521/x")) {
        ExperimentLogException e =
            assertThrows(ExperimentLogException.class, () -> ExperimentLog.open(url));
        assertEquals(SQLException.class, e.getCause().getClass(), url);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(HARD), trace.toString());
        assertFalse(trace.toString().contains("p@ss"), trace.toString());
        assertEquals("08001", ((SQLException) e.getCause()).getSQLState());
        assertEquals(
            "java.io.IOException: handshake sent password ***",
            e.getCause().getCause().getMessage());
      }
    } finally {
      DriverManager.deregisterDriver(echo);
    }
  }

  @Test
  void driverErrorMessageIsShownRedacted() throws Exception {
    Driver echo = new EchoingDriver();
    DriverManager.registerDriver(echo);
    try {
      ExperimentLogException e =
          assertThrows(
              ExperimentLogException.class,
              () -> ExperimentLog.open("jdbc:echo://db/runs?password=" + HARD));
      assertEquals(
          "Cannot open experiment log jdbc:echo://db/runs?password=***: Cannot reach"
              + " jdbc:echo://db/runs with {password=***}",
          e.getMessage());
    } finally {
      DriverManager.deregisterDriver(echo);
    }
  }

  @Test
  void storedCellSourceHoldsNoPassword() throws Exception {
    java.nio.file.Path dir = TestFolders.fresh("cell-secret");
    Properties given = new Properties();
    given.setProperty("password", "log-s3cret");
    String cell = "var other = open(\"jdbc:postgresql://h/d?user=a&password=" + HARD + "\");\n"
        + "String pw = \"log-s3cret\";\n";
    try (ExperimentLog log = ExperimentLog.open(dir.resolve("runs.db").toString(), given)) {
      Run run = log.start("r", Map.of(), CodeVersion.none("t"));
      run.source(cell).finish();
      byte[] gz;
      try (java.sql.Connection c =
              DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
          java.sql.ResultSet r =
              c.createStatement().executeQuery("SELECT gz FROM errata_code WHERE kind = 'cell'")) {
        r.next();
        gz = r.getBytes(1);
      }
      assertEquals(
          "var other = open(\"jdbc:postgresql://h/d?user=a&password=***\n"
              + "String pw = \"***\";\n",
          new String(CodePatch.gunzip(gz), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
