package io.parallellmu.datasets.text;

import ai.djl.modality.nlp.Vocabulary;
import io.parallellmu.datasets.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable token vocabulary with ids {@code 0..size-1}, usable wherever DJL takes a {@link Vocabulary}.
 *
 * <p>A word vocabulary starts with four special tokens at fixed ids: {@value #PAD} = 0, {@value #UNK} = 1,
 * {@value #BOS} = 2, {@value #EOS} = 3; unknown tokens map to {@value #UNK}. It is built from the training split
 * only ({@link Builder}): tokens are ordered by falling frequency, ties by the token's {@link String#compareTo}
 * order, so that the same text always gives the same ids. A fixed vocabulary ({@link #fixed}) has no special
 * tokens and rejects unknown tokens; text8's alphabet is one.
 *
 * <p>A vocabulary is saved as UTF-8 text ({@link #save}): a header line, then one token per line in id order,
 * with {@code \\}, {@code \n} and {@code \r} escaped. A model trained on it must store it alongside.
 */
public final class TextVocabulary implements Vocabulary {

    /** The padding token, always id 0. */
    public static final String PAD = "<pad>";
    /** The unknown-token token, always id 1. */
    public static final String UNK = "<unk>";
    /** The begin-of-sequence token, always id 2. */
    public static final String BOS = "<bos>";
    /** The end-of-sequence token, always id 3. */
    public static final String EOS = "<eos>";
    /** The id of {@value #PAD}. */
    public static final int PAD_ID = 0;
    /** The id of {@value #UNK}. */
    public static final int UNK_ID = 1;
    /** The id of {@value #BOS}. */
    public static final int BOS_ID = 2;
    /** The id of {@value #EOS}. */
    public static final int EOS_ID = 3;

    private static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);
    private static final String HEADER = "#parallel-lmu vocabulary v1 specials=";

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final boolean specials;

    private TextVocabulary(List<String> tokens, boolean specials) {
        this.tokens = List.copyOf(tokens);
        this.specials = specials;
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (map.putIfAbsent(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("Duplicate token '" + this.tokens.get(i) + "' in vocabulary");
            }
        }
        this.ids = Collections.unmodifiableMap(map);
    }

    /**
     * Creates a builder that counts tokens of the training split.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a word vocabulary from tokens already in id order (such as IWSLT's {@code vocab.en}): the four
     * special tokens, then the given tokens in order, skipping special tokens and repeats, up to {@code maxSize}.
     *
     * @param ordered the tokens, most important first
     * @param maxSize the largest size, special tokens included; at least 4
     * @return the vocabulary
     */
    public static TextVocabulary ofOrderedTokens(List<String> ordered, int maxSize) {
        if (maxSize < SPECIALS.size()) {
            throw new IllegalArgumentException("maxSize must be at least 4 (the special tokens), got " + maxSize);
        }
        List<String> list = new ArrayList<>(SPECIALS);
        Set<String> seen = new HashSet<>(SPECIALS);
        for (String token : ordered) {
            if (list.size() >= maxSize) {
                break;
            }
            if (seen.add(token)) {
                list.add(token);
            }
        }
        return new TextVocabulary(list, true);
    }

    /**
     * Creates a fixed vocabulary with no special tokens, such as a character alphabet; unknown tokens are
     * rejected.
     *
     * @param tokens the tokens in id order
     * @return the vocabulary
     */
    public static TextVocabulary fixed(List<String> tokens) {
        return new TextVocabulary(tokens, false);
    }

    /**
     * Returns whether the vocabulary has the four special tokens (and maps unknown tokens to {@value #UNK}).
     *
     * @return {@code true} for a word vocabulary
     */
    public boolean hasSpecials() {
        return specials;
    }

    /** {@inheritDoc} */
    @Override
    public String getToken(long index) {
        if (index < 0 || index >= tokens.size()) {
            throw new IndexOutOfBoundsException("Token id " + index + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get((int) index);
    }

    /** {@inheritDoc} */
    @Override
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * Returns a token's id; an unknown token gets {@link #UNK_ID}.
     *
     * @param token the token
     * @return its id
     * @throws IllegalArgumentException if the token is unknown and the vocabulary is fixed
     */
    @Override
    public long getIndex(String token) {
        return id(token);
    }

    /** {@inheritDoc} */
    @Override
    public long size() {
        return tokens.size();
    }

    /**
     * Returns a token's id as an int; an unknown token gets {@link #UNK_ID}.
     *
     * @param token the token
     * @return its id
     * @throws IllegalArgumentException if the token is unknown and the vocabulary is fixed
     */
    public int id(String token) {
        Integer id = ids.get(token);
        if (id != null) {
            return id;
        }
        if (!specials) {
            throw new IllegalArgumentException("Token '" + token + "' is not in this fixed vocabulary");
        }
        return UNK_ID;
    }

    /**
     * Maps tokens to ids.
     *
     * @param sequence the tokens
     * @return their ids, in order
     */
    public int[] encode(List<String> sequence) {
        int[] out = new int[sequence.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(sequence.get(i));
        }
        return out;
    }

    /**
     * Maps ids back to tokens, leaving out {@value #PAD}, {@value #BOS} and stopping at {@value #EOS}.
     *
     * @param sequence the ids
     * @return the tokens
     */
    public List<String> decode(int[] sequence) {
        List<String> out = new ArrayList<>();
        for (int id : sequence) {
            if (specials && id == EOS_ID) {
                break;
            }
            if (!specials || (id != PAD_ID && id != BOS_ID)) {
                out.add(getToken(id));
            }
        }
        return out;
    }

    /**
     * Returns the tokens in id order.
     *
     * @return an unmodifiable list
     */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * Saves the vocabulary as UTF-8 text, atomically (temporary file, then rename).
     *
     * @param file the file to write
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append(specials).append('\n');
        for (String token : tokens) {
            sb.append(escape(token)).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, sb, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Loads a vocabulary written by {@link #save}.
     *
     * @param file the file
     * @return the vocabulary
     * @throws IOException if the file cannot be read, or it is not a saved vocabulary (naming the line)
     */
    public static TextVocabulary load(Path file) throws IOException {
        List<String> lines = Utf8Text.readLines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
            throw new DataFormatException(file, "line 1", "not a saved vocabulary: expected a header starting '" + HEADER + "'");
        }
        String flag = lines.get(0).substring(HEADER.length());
        if (!flag.equals("true") && !flag.equals("false")) {
            throw new DataFormatException(file, "line 1", "specials flag must be true or false, got '" + flag + "'");
        }
        boolean specials = Boolean.parseBoolean(flag);
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String token = unescape(lines.get(i), file, i + 1);
            if (specials && i - 1 < SPECIALS.size() && !SPECIALS.get(i - 1).equals(token)) {
                throw new DataFormatException(
                        file, "line " + (i + 1), "expected special token " + SPECIALS.get(i - 1) + ", got '" + token + "'");
            }
            tokens.add(token);
        }
        try {
            return new TextVocabulary(tokens, specials);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, "line " + lines.size(), e.getMessage(), e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        return o instanceof TextVocabulary other && specials == other.specials && tokens.equals(other.tokens);
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + Boolean.hashCode(specials);
    }

    private static String escape(String token) {
        return token.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String line, Path file, int lineNumber) throws DataFormatException {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
            switch (next) {
                case '\\' -> sb.append('\\');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                default -> throw new DataFormatException(
                        file, "line " + lineNumber, "bad escape at column " + (i + 1) + "; expected \\\\, \\n or \\r");
            }
            i++;
        }
        return sb.toString();
    }

    /** Counts the training split's tokens and builds a word {@link TextVocabulary}. */
    public static final class Builder {

        private final Map<String, Long> counts = new HashMap<>();
        private int maxSize = Integer.MAX_VALUE;
        private long minFrequency = 1;

        private Builder() {}

        /**
         * Limits the vocabulary's size, special tokens included (default: no limit).
         *
         * @param maxSize at least 4
         * @return this builder
         */
        public Builder optMaxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /**
         * Leaves out tokens seen fewer times than this (default 1).
         *
         * @param minFrequency at least 1
         * @return this builder
         */
        public Builder optMinFrequency(long minFrequency) {
            this.minFrequency = minFrequency;
            return this;
        }

        /**
         * Counts one training sequence's tokens.
         *
         * @param sequence the tokens
         * @return this builder
         */
        public Builder add(List<String> sequence) {
            for (String token : sequence) {
                counts.merge(token, 1L, Long::sum);
            }
            return this;
        }

        /**
         * Builds the vocabulary: special tokens, then tokens by falling count, ties in {@link String#compareTo}
         * order.
         *
         * @return the vocabulary
         * @throws IllegalArgumentException if maxSize is below 4 or minFrequency below 1
         */
        public TextVocabulary build() {
            if (maxSize < SPECIALS.size()) {
                throw new IllegalArgumentException("maxSize must be at least 4 (the special tokens), got " + maxSize);
            }
            if (minFrequency < 1) {
                throw new IllegalArgumentException("minFrequency must be at least 1, got " + minFrequency);
            }
            List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
            entries.removeIf(e -> e.getValue() < minFrequency || SPECIALS.contains(e.getKey()));
            entries.sort(
                    Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                            .reversed()
                            .thenComparing(Map.Entry::getKey));
            List<String> ordered = new ArrayList<>();
            for (Map.Entry<String, Long> e : entries) {
                ordered.add(e.getKey());
            }
            return ofOrderedTokens(ordered, maxSize);
        }
    }
}
