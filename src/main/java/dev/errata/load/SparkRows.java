package dev.errata.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftright;

import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Numbers a Dataset's rows 0, 1, … in its own order (partition by partition, as {@code collect}
 * and {@code toLocalIterator} return them), with Spark expressions only: no Errata code has to
 * reach a cluster's executors. One small job counts the rows of each partition.
 *
 * <p>The numbering is stable when the Dataset reads the same rows in the same order each time
 * (files, tables, local data); a Dataset built after an unordered shuffle should be cached first.
 */
final class SparkRows {

  /** The column holding the row number. */
  static final String ROW = "__errata_row";

  private static final String ID = "__errata_id";

  private SparkRows() {}

  /** Returns {@code rows} with a column {@value #ROW}: the 0-based row number. */
  static Dataset<Row> numbered(Dataset<Row> rows) {
    Dataset<Row> ids = rows.withColumn(ID, monotonically_increasing_id());
    // monotonically_increasing_id() is (partition << 33) + position in the partition.
    Column partition = shiftright(col(ID), 33);
    List<Row> sizes = ids.groupBy(partition.as("p")).count().collectAsList();
    TreeMap<Long, Long> perPartition = new TreeMap<>();
    for (Row r : sizes) {
      perPartition.put(r.getLong(0), r.getLong(1));
    }
    long last = perPartition.isEmpty() ? 0 : perPartition.lastKey();
    Column[] offsets = new Column[(int) last + 1];
    long before = 0;
    for (int p = 0; p <= last; p++) {
      offsets[p] = lit(before);
      before += perPartition.getOrDefault((long) p, 0L);
    }
    Column offset =
        element_at(org.apache.spark.sql.functions.array(offsets), partition.plus(1).cast("int"));
    Column position = col(ID).minus(shiftleft(partition, 33));
    return ids.withColumn(ROW, position.plus(offset)).drop(ID);
  }
}
