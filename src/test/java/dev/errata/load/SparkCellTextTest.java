package dev.errata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.errata.engine.LocalSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Joining two runs by id in Spark compares ids (and labels) as Spark writes them; the in-memory
 * join compares them as the driver writes the values Spark hands over ({@link SparkBackend#text}).
 * Every value here, edge cases included, must be written the same both ways, or the two joins
 * would match different rows.
 */
class SparkCellTextTest {

  private static final Object[][] VALUES = {
    // double, float, decimal(20,10), decimal(38,2), long, int, short, byte, boolean, date, string
    {0.0, 0.0f, new BigDecimal("0E-10"), new BigDecimal("0.00"), 0L, 0, (short) 0, (byte) 0,
      false, Date.valueOf("2026-12-03"), ""},
    {-0.0, -0.0f, new BigDecimal("-2.5000000000"), new BigDecimal("10000000000000000.00"),
      -7L, -7, (short) -7, (byte) -7, true, Date.valueOf("1999-01-31"), "u-1"},
    {1.5, 1.5f, new BigDecimal("0.0000000100"), new BigDecimal("999999999999999.00"),
      Long.MAX_VALUE, Integer.MIN_VALUE, Short.MAX_VALUE, Byte.MIN_VALUE, true,
      Date.valueOf("2000-02-29"), "1.0"},
    {0.1, 0.1f, new BigDecimal("3.0000000000"), new BigDecimal("-12.50"), 1L, 1, (short) 1,
      (byte) 1, false, Date.valueOf("1970-01-01"), " spaced "},
    {1e-5, 1e-5f, new BigDecimal("12345678.1234567890"), new BigDecimal("1000000000000000.00"),
      2L, 2, (short) 2, (byte) 2, true, Date.valueOf("2038-01-19"), "ünïcödé"},
    {1e-7, 1e-7f, new BigDecimal("-0.0000000001"), new BigDecimal("0.01"), 3L, 3, (short) 3,
      (byte) 3, false, Date.valueOf("2026-01-01"), "NA"},
    {12345678.9, 1.2345678e7f, new BigDecimal("1.0000000000"), new BigDecimal("7.00"), 4L, 4,
      (short) 4, (byte) 4, true, Date.valueOf("2026-06-30"), "x"},
    {1e15, 1e10f, new BigDecimal("99999.9999999999"), new BigDecimal("-0.50"), 5L, 5, (short) 5,
      (byte) 5, true, Date.valueOf("2026-06-30"), "y"},
    {1e16, 16777216f, new BigDecimal("-7.0000000000"), new BigDecimal("3.00"), 6L, 6, (short) 6,
      (byte) 6, true, Date.valueOf("2026-06-30"), "z"},
    {999999999999999.0, 3.4e38f, new BigDecimal("0.1000000000"), new BigDecimal("2.00"), 7L, 7,
      (short) 7, (byte) 7, true, Date.valueOf("2026-06-30"), "w"},
    {0.30000000000000004, 0.3f, new BigDecimal("5.5000000000"), new BigDecimal("1.10"), 8L, 8,
      (short) 8, (byte) 8, true, Date.valueOf("2026-06-30"), "v"},
    {1.5e300, 2.5e-40f, new BigDecimal("1.2500000000"), new BigDecimal("1.25"), 9L, 9, (short) 9,
      (byte) 9, true, Date.valueOf("2026-06-30"), "u"},
    {Double.NaN, Float.NaN, new BigDecimal("2.0000000000"), new BigDecimal("2.50"), 10L, 10,
      (short) 10, (byte) 10, true, Date.valueOf("2026-06-30"), "t"},
    {Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, new BigDecimal("4.0000000000"),
      new BigDecimal("4.00"), 11L, 11, (short) 11, (byte) 11, true, Date.valueOf("2026-06-30"),
      "s"},
    {Double.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, new BigDecimal("4.5000000000"),
      new BigDecimal("4.50"), 12L, 12, (short) 12, (byte) 12, true, Date.valueOf("2026-06-30"),
      "r"},
    {-123456.0, -123456.0f, new BigDecimal("-123456.0000000000"), new BigDecimal("-123456.00"),
      13L, 13, (short) 13, (byte) 13, true, Date.valueOf("2026-06-30"), "q"},
    {2.5e-300, 1.17549435E-38f, new BigDecimal("6.0000000001"), new BigDecimal("6.01"), 14L, 14,
      (short) 14, (byte) 14, true, Date.valueOf("2026-06-30"), "p"},
    {null, null, null, null, null, null, null, null, null, null, null},
  };

  private static final DataType[] TYPES = {
    DataTypes.DoubleType,
    DataTypes.FloatType,
    DataTypes.createDecimalType(20, 10),
    DataTypes.createDecimalType(38, 2),
    DataTypes.LongType,
    DataTypes.IntegerType,
    DataTypes.ShortType,
    DataTypes.ByteType,
    DataTypes.BooleanType,
    DataTypes.DateType,
    DataTypes.StringType,
  };

  @Test
  void sparkWritesEveryCellAsTheDriverWritesItsValue() {
    List<StructField> fields = new ArrayList<>();
    for (int c = 0; c < TYPES.length; c++) {
      fields.add(DataTypes.createStructField("c " + c + ".x", TYPES[c], true));
    }
    List<Row> rows = new ArrayList<>();
    for (Object[] v : VALUES) {
      rows.add(RowFactory.create(v));
    }
    var data = LocalSpark.session().createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    List<Column> select = new ArrayList<>();
    for (int c = 0; c < TYPES.length; c++) {
      select.add(SparkReader.column("c " + c + ".x"));
    }
    for (int c = 0; c < TYPES.length; c++) {
      select.add(SparkBackend.cellText("c " + c + ".x", TYPES[c]));
    }
    List<Row> got = data.select(select.toArray(Column[]::new)).collectAsList();
    assertEquals(VALUES.length, got.size());
    int compared = 0;
    for (Row r : got) {
      for (int c = 0; c < TYPES.length; c++) {
        String expected = SparkBackend.text(r.get(c));
        assertEquals(
            expected,
            r.getString(TYPES.length + c),
            TYPES[c].simpleString() + " value " + r.get(c));
        compared++;
      }
    }
    assertEquals(VALUES.length * TYPES.length, compared);
    // Spot checks against values written by hand, so the rule itself is pinned too.
    Row first = got.get(1);
    assertEquals("0", first.getString(TYPES.length)); // -0.0 is the whole number 0
    assertEquals("-2.5000000000", first.getString(TYPES.length + 2));
    assertEquals("10000000000000000.00", first.getString(TYPES.length + 3));
    assertEquals("1999-01-31", first.getString(TYPES.length + 9));
    assertEquals("1.5", got.get(2).getString(TYPES.length));
    assertEquals("1.0E-5", got.get(4).getString(TYPES.length));
    assertEquals("3", got.get(3).getString(TYPES.length + 2));
  }

  @Test
  void timestampsAreLeftToTheDriver() {
    assertNull(SparkBackend.cellText("t", DataTypes.TimestampType));
    assertNull(SparkBackend.cellText("b", DataTypes.BinaryType));
  }
}
