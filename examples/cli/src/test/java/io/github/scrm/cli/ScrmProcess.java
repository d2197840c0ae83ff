package io.github.scrm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar target/scrm.jar ...} as a separate process, the way a user does. */
final class ScrmProcess {

  /** What a run produced. */
  record Result(int exitCode, String out, String err) {}

  private ScrmProcess() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("scrm.jar", "target/scrm.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run 'mvn verify' so that the package phase builds it");
    }
    return jar;
  }

  static Result run(String stdin, String... args) throws IOException, InterruptedException {
    return runWithEnvironment(Map.of(), stdin, args);
  }

  /** Runs with {@code environment} added to this process's environment. */
  static Result runWithEnvironment(Map<String, String> environment, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("scrm " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
