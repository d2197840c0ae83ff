/** The scoring engine: normalisation, the code-point trie and the language rules. Not an API; do not import. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.sentiment.internal;
