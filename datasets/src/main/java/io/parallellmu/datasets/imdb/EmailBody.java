package io.parallellmu.datasets.imdb;

import io.parallellmu.datasets.DataFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The body of a raw e-mail, so that the ham/spam task is about the text and not the routing headers.
 *
 * <p>The header block ends at the first empty line (RFC 5322); everything after it is the body, kept as it is
 * (MIME parts and HTML markup included; nothing is decoded). A body is decoded as UTF-8 when it is valid
 * UTF-8, and otherwise explicitly as ISO-8859-1 (Latin-1, which maps every byte to a character), and that
 * choice is recorded: SpamAssassin's corpus predates UTF-8's spread, and 465 of its 6,046 mail bodies are 8-bit
 * Latin-1 or similar. No mail is skipped.
 *
 * @param text the body
 * @param latin1 whether the mail was not valid UTF-8 and was decoded as ISO-8859-1
 */
public record EmailBody(String text, boolean latin1) {

    /**
     * Extracts the body of a raw mail.
     *
     * @param mail the mail's bytes
     * @param file the file, for errors
     * @return the body
     * @throws DataFormatException if no empty line ends the header
     */
    public static EmailBody of(byte[] mail, Path file) throws DataFormatException {
        int start = bodyStart(mail);
        if (start < 0) {
            throw new DataFormatException(file, "byte " + mail.length, "no empty line ends the mail header");
        }
        ByteBuffer body = ByteBuffer.wrap(mail, start, mail.length - start);
        try {
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(body.duplicate())
                            .toString();
            return new EmailBody(text, false);
        } catch (CharacterCodingException e) {
            return new EmailBody(StandardCharsets.ISO_8859_1.decode(body).toString(), true);
        }
    }

    private static int bodyStart(byte[] mail) {
        for (int i = 0; i + 1 < mail.length; i++) {
            if (mail[i] == '\n' && mail[i + 1] == '\n') {
                return i + 2;
            }
            if (mail[i] == '\n' && mail[i + 1] == '\r' && i + 2 < mail.length && mail[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }
}
