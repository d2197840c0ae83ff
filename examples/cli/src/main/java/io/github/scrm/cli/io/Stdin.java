package io.github.scrm.cli.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs that may be {@code -}. Stdin can be read only once: of two inputs given as {@code -}, the first would take all
 * of it and the second would read nothing, so a command with several inputs refuses that before it reads any.
 */
public final class Stdin {

  private Stdin() {}

  /**
   * Refuses more than one {@code -} among the inputs.
   *
   * @param namesAndPaths pairs of the option or parameter name as the user typed it ({@code --rules}, {@code OLD})
   *     and its value; a null value (an optional input not given) is skipped
   * @throws IOException naming the inputs that read stdin when there are several
   */
  public static void readByOneInputAtMost(String... namesAndPaths) throws IOException {
    List<String> fromStdin = new ArrayList<>();
    for (int i = 0; i + 1 < namesAndPaths.length; i += 2) {
      if ("-".equals(namesAndPaths[i + 1])) {
        fromStdin.add(namesAndPaths[i]);
      }
    }
    if (fromStdin.size() > 1) {
      throw new IOException(String.join(", ", fromStdin.subList(0, fromStdin.size() - 1)) + " and "
          + fromStdin.get(fromStdin.size() - 1) + " both read stdin (-), which can be read only once; give all but "
          + "one of them as files");
    }
  }
}
