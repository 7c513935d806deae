package io.parallellmu.datasets.text8;

import java.io.ByteArrayOutputStream;

/**
 * Normalises raw English bytes the way text8 was made from Wikipedia (Matt Mahoney's {@code wikifil.pl}):
 * upper-case ASCII letters are lower-cased, each digit is spelled out as a word ({@code 7} becomes
 * {@code  seven }), every other byte (punctuation, line breaks, and each byte of a non-ASCII character)
 * becomes a space, and runs of spaces collapse to one. The result holds only {@code a}–{@code z} and single
 * spaces, with no space at either end.
 */
public final class Text8Normalizer {

    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean pendingSpace;

    /**
     * Appends raw bytes, normalised.
     *
     * @param bytes the raw text, in any ASCII-compatible encoding
     */
    public void append(byte[] bytes) {
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z') {
                letter(c - 'A' + 'a');
            } else if (c >= 'a' && c <= 'z') {
                letter(c);
            } else if (c >= '0' && c <= '9') {
                pendingSpace = true;
                for (char d : DIGITS[c - '0'].toCharArray()) {
                    letter(d);
                }
                pendingSpace = true;
            } else {
                pendingSpace = true;
            }
        }
        pendingSpace = true; // a document boundary separates words
    }

    /**
     * Returns the normalised text so far.
     *
     * @return ASCII bytes of a–z and single spaces, without leading or trailing space
     */
    public byte[] toBytes() {
        return out.toByteArray();
    }

    private void letter(int c) {
        if (pendingSpace && out.size() > 0) {
            out.write(' ');
        }
        pendingSpace = false;
        out.write(c);
    }
}
