package dev.errata.load;

import dev.errata.internal.Where;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads JSON Lines (one flat JSON object per line) into a table of text, exactly as written: a key
 * becomes a column; a string its text, a number the digits as written ({@code 1.0} stays {@code
 * 1.0}, as in a CSV), a boolean {@code true}/{@code false}; a missing key or {@code null} a missing
 * value. Empty lines are not examples: they are skipped, and counted in {@link Read#warnings()}.
 */
final class JsonLines {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLines() {}

  /** The table read and what was said about it. */
  record Read(Table table, List<String> warnings) {}

  static Read read(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "No such file: " + file + " (looked in " + file.toAbsolutePath().getParent() + ")");
    }
    Map<String, List<String>> columns = new LinkedHashMap<>();
    int rows = 0;
    int line = 0;
    long blank = 0;
    List<Integer> firstBlank = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          blank++;
          if (firstBlank.size() < BlankLines.LISTED) {
            firstBlank.add(line);
          }
          continue;
        }
        Map<String, String> fields = parse(file, line, text);
        for (Map.Entry<String, String> field : fields.entrySet()) {
          List<String> values = columns.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
          while (values.size() < rows) {
            values.add(null);
          }
          values.add(field.getValue());
        }
        rows++;
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException(
          Where.line(line + 1L, file) + ": not valid UTF-8 text; save the file as UTF-8",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    if (rows == 0) {
      throw new IllegalArgumentException(
          file + " is empty; expected one JSON object per line, one line per example");
    }
    Table table = Table.create(file.getFileName().toString());
    for (Map.Entry<String, List<String>> e : columns.entrySet()) {
      List<String> values = e.getValue();
      while (values.size() < rows) {
        values.add(null);
      }
      StringColumn c = StringColumn.create(e.getKey());
      for (String v : values) {
        if (v == null) {
          c.appendMissing();
        } else {
          c.append(v);
        }
      }
      table.addColumns(c);
    }
    List<String> warnings = new ArrayList<>();
    if (blank > 0) {
      warnings.add(
          blank
              + " empty line(s) of "
              + file
              + " are not examples and were skipped; first lines "
              + firstBlank);
    }
    return new Read(table, warnings);
  }

  /** Parses one flat object, keeping every scalar's text as written. */
  private static Map<String, String> parse(Path file, int line, String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw notAnObject(file, line);
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (!seen.add(key)) {
          throw new IllegalArgumentException(
              Where.line(line, file) + ": key \"" + key + "\" appears twice");
        }
        JsonToken v = p.nextToken();
        switch (v) {
          case VALUE_NULL -> out.put(key, null);
          case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
              out.put(key, p.getText());
          default ->
              throw new IllegalArgumentException(
                  Where.key(line, file, key)
                      + ": nested objects and arrays are not supported; flatten them into keys");
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw notAnObject(file, line);
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException(
            Where.line(line, file)
                + ": text after the object; expected exactly one JSON object per line");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          (e.getLocation() == null
                  ? Where.line(line, file)
                  : Where.character(line, file, e.getLocation().getColumnNr()))
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + ")",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + Where.line(line, file), e);
    }
    return out;
  }

  private static IllegalArgumentException notAnObject(Path file, int line) {
    return new IllegalArgumentException(
        Where.line(line, file)
            + ": expected a JSON object such as {\"actual\": \"a\", \"predicted\": \"b\"}");
  }
}
