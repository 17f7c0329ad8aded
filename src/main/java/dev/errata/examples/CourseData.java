package dev.errata.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes every example data set the course-companion notebooks use. */
public final class CourseData {

  /** The seed the notebooks use, so every run makes the same files. */
  public static final long SEED = 7;

  private CourseData() {}

  /** Writes all example files into {@code dir} with the notebooks' seed; returns their paths. */
  public static List<Path> writeAll(Path dir) {
    List<Path> files = new ArrayList<>(SpeechData.write(dir, SEED));
    files.addAll(DefectData.write(dir, SEED));
    return files;
  }
}
