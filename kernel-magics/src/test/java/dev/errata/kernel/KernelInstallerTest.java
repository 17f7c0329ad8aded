package dev.errata.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
  void kernelspecRunsAbsoluteJavaOnAJarInsideTheKernelFolder() throws IOException {
    Path kernel = KernelInstaller.install(staging(), dir.resolve("jupyter"), Path.of("bin/java"));
    JsonNode spec = new ObjectMapper().readTree(kernel.resolve("kernel.json").toFile());
    String java = spec.get("argv").get(0).asText();
    String jar = spec.get("argv").get(3).asText();
    assertTrue(Path.of(java).isAbsolute(), java);
    assertEquals(kernel.resolve("ijava-1.3.0.jar").toString(), jar);
    assertTrue(Files.exists(Path.of(jar)));
    assertEquals("{connection_file}", spec.get("argv").get(4).asText());
    assertEquals("Java (Errata)", spec.get("display_name").asText());
    assertEquals(kernel.resolve("lib") + "/*", spec.get("env").get("IJAVA_CLASSPATH").asText());
    assertEquals(
        KernelInstaller.STARTUP_SCRIPT, spec.get("env").get("IJAVA_STARTUP_SCRIPT").asText());
    assertEquals("library", Files.readString(kernel.resolve("lib/errata.jar")));
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
