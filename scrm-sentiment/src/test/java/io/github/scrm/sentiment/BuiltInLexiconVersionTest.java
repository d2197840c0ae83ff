package io.github.scrm.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holds the built-in lexicon to its declared version: trained models record the version they were trained with, so a
 * change of terms, weights or categories under the same version would go unnoticed by every host.
 */
final class BuiltInLexiconVersionTest {

  private static final String RESOURCE = "lexicon.tsv";

  /**
   * SHA-256 of the content of each released version (the lines that are not blank, not comments and not
   * {@code @version}, joined by LF). Version 1 changed several times before this check existed and has no digest.
   */
  private static final Map<String, String> DIGESTS = Map.of(
      "2", "26d773ee2ac17b1913cd269360704db11efbda15d66f425650a505de6d4e0a32");

  @Test
  void builtIn_contentMatchesTheDigestRecordedForItsVersion() throws IOException, NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    String version = null;
    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("resource %s next to Lexicon", RESOURCE).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.startsWith("@version\t")) {
          version = line.substring("@version\t".length()).trim();
        } else if (!line.isBlank() && !line.startsWith("#")) {
          sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    String digest = HexFormat.of().formatHex(sha.digest());

    assertThat(version).as("the @version line of %s", RESOURCE).isNotNull();
    assertThat(Lexicon.builtIn().version()).isEqualTo("builtin@" + version);
    assertThat(DIGESTS)
        .as("%s declares @version %s, which has no recorded digest: if this is a new version, record \"%s\" for it "
            + "in %s.DIGESTS", RESOURCE, version, digest, BuiltInLexiconVersionTest.class.getSimpleName())
        .containsKey(version);
    assertThat(digest)
        .as("The content of %s changed but it still declares @version %s (its digest is now %s). Raise @version in "
            + "%s and record the new version's digest in %s.DIGESTS: trained models record the lexicon version, and "
            + "those trained with the old version keep loading (docs/sentiment.md, \"Loading a model with a newer "
            + "lexicon\").", RESOURCE, version, digest, RESOURCE, BuiltInLexiconVersionTest.class.getSimpleName())
        .isEqualTo(DIGESTS.get(version));
  }
}
