package dev.errata.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads JSON Lines (one flat JSON object per line) into a table: a key becomes a column, a missing
 * key or {@code null} a missing value. A column whose values are all booleans becomes boolean, all
 * whole numbers long, all numbers double; anything else (mixed) becomes text.
 */
final class JsonLines {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  static Table read(Path file) {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    int rows = 0;
    int line = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode node = parse(file, line, text);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          List<Object> values = columns.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
          while (values.size() < rows) {
            values.add(null);
          }
          if (values.size() > rows) {
            throw new IllegalArgumentException(
                "Line " + line + " of " + file + ": key \"" + field.getKey() + "\" appears twice");
          }
          values.add(value(file, line, field.getKey(), field.getValue()));
        }
        rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    if (rows == 0) {
      throw new IllegalArgumentException(
          file + " is empty; expected one JSON object per line, one line per example");
    }
    Table table = Table.create(file.getFileName().toString());
    for (Map.Entry<String, List<Object>> e : columns.entrySet()) {
      List<Object> values = e.getValue();
      while (values.size() < rows) {
        values.add(null);
      }
      table.addColumns(column(e.getKey(), values));
    }
    return table;
  }

  private static JsonNode parse(Path file, int line, String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Line "
              + line
              + " of "
              + file
              + ", character "
              + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr())
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "Line "
              + line
              + " of "
              + file
              + ": expected a JSON object such as {\"actual\": \"a\", \"predicted\": \"b\"}");
    }
    return node;
  }

  private static Object value(Path file, int line, String key, JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw new IllegalArgumentException(
        "Line "
            + line
            + " of "
            + file
            + ", key \""
            + key
            + "\": nested objects and arrays are not supported; flatten them into keys");
  }

  private static Column<?> column(String name, List<Object> values) {
    boolean booleans = true;
    boolean longs = true;
    boolean numbers = true;
    for (Object v : values) {
      if (v != null) {
        booleans &= v instanceof Boolean;
        longs &= v instanceof Long;
        numbers &= v instanceof Long || v instanceof Double;
      }
    }
    if (booleans) {
      BooleanColumn c = BooleanColumn.create(name);
      values.forEach(v -> c.append((Boolean) v));
      return c;
    }
    if (longs) {
      LongColumn c = LongColumn.create(name);
      values.forEach(v -> appendLong(c, (Long) v));
      return c;
    }
    if (numbers) {
      DoubleColumn c = DoubleColumn.create(name);
      values.forEach(v -> c.append(v == null ? Double.NaN : ((Number) v).doubleValue()));
      return c;
    }
    StringColumn c = StringColumn.create(name);
    for (Object v : values) {
      if (v == null) {
        c.appendMissing();
      } else {
        c.append(Labels.text(v));
      }
    }
    return c;
  }

  private static void appendLong(LongColumn c, Long v) {
    if (v == null) {
      c.appendMissing();
    } else {
      c.append(v);
    }
  }
}
