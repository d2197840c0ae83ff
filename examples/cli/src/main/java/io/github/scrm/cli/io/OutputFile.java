package io.github.scrm.cli.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An output file that appears only when the run succeeds: bytes go to a hidden file in the target's directory, and
 * {@link #commit()} moves it over the target. Closing without committing deletes it, so a run that stops half-way
 * leaves the previous file whole. Targets that exist but are not regular files ({@code /dev/null}, a pipe) are written
 * in place.
 */
public final class OutputFile implements Closeable {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Path target;
  private final @Nullable Path temp;
  private final OutputStream out;
  private boolean committed;

  private OutputFile(Path target, @Nullable Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  /**
   * Opens {@code path} for writing.
   *
   * @throws IOException {@code "path: cannot write (reason)"} when the path is a directory, its directory does not
   *     exist or may not be written
   */
  public static OutputFile create(String path) throws IOException {
    try {
      return open(Path.of(path));
    } catch (AccessDeniedException e) {
      throw new IOException(path + ": cannot write (permission denied)", e);
    } catch (FileSystemException e) {
      throw new IOException(path + ": cannot write (" + (e.getReason() != null ? e.getReason()
          : e.getClass().getSimpleName()) + ")", e);
    }
  }

  private static OutputFile open(Path target) throws IOException {
    if (Files.isDirectory(target)) {
      throw new FileSystemException(target.toString(), null, "it is a directory");
    }
    if (Files.exists(target)) {
      target = target.toRealPath();
      if (!Files.isRegularFile(target)) {
        return new OutputFile(target, null, new BufferedOutputStream(Files.newOutputStream(target), 1 << 16));
      }
    }
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw new FileSystemException(target.toString(), null,
          Files.exists(dir) ? dir + " is not a directory" : "no such directory " + dir);
    }
    while (true) {
      Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
          + SEQUENCE.incrementAndGet() + ".tmp");
      try {
        OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        keepPermissions(target, temp);
        return new OutputFile(target, temp, new BufferedOutputStream(out, 1 << 16));
      } catch (FileAlreadyExistsException e) {
        // left behind by a killed run with the same process id: take the next name
      }
    }
  }

  /** A replaced file keeps who may read it: a report readable by its owner only stays so. */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (Files.exists(target)) {
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the new file has the directory's defaults
      }
    }
  }

  /**
   * Refuses an output that names the same file as one of the inputs: the run would replace data it is reading or has
   * just read. {@code -} (stdin, stdout) and files that do not exist yet never match.
   *
   * @throws IOException naming {@code out} when it is one of {@code inputs}
   */
  public static void refuseInput(String out, String... inputs) throws IOException {
    if (out.equals("-") || !Files.exists(Path.of(out))) {
      return;
    }
    for (String in : inputs) {
      if (!in.equals("-") && Files.exists(Path.of(in)) && Files.isSameFile(Path.of(out), Path.of(in))) {
        throw new IOException(out + ": is also an input of this command; write the output to another file");
      }
    }
  }

  /** Where the bytes go until {@link #commit()}. */
  public OutputStream stream() {
    return out;
  }

  /** Closes the stream and puts the file in place of the target. */
  public void commit() throws IOException {
    out.close();
    if (temp != null) {
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    committed = true;
  }

  /** Deletes what was written unless {@link #commit()} ran. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    try {
      out.close();
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
