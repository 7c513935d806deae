package io.parallellmu.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML entities of the tokenised IWSLT'15 release (Moses escaping): {@code &amp; &lt; &gt; &apos; &quot;}
 * and numeric ones such as {@code &#91;} and {@code &#x5D;}. Tokens keep their entities in the vocabulary;
 * text meant for people and for BLEU is decoded with {@link #decode}.
 */
public final class HtmlEntities {

    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|apos|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
    private static final Map<String, String> NAMED =
            Map.of("amp", "&", "lt", "<", "gt", ">", "apos", "'", "quot", "\"");

    private HtmlEntities() {}

    /**
     * Replaces entities by the characters they stand for; anything else is left as it is.
     *
     * @param text text with entities
     * @return the decoded text
     */
    public static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement = NAMED.get(name);
            if (replacement == null) {
                boolean hex = name.startsWith("#x") || name.startsWith("#X");
                int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                replacement = Character.isValidCodePoint(cp) ? Character.toString(cp) : m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Escapes a token the way the IWSLT release does: {@code & < > ' "}, and {@code | [ ]} as numeric entities.
     *
     * @param token a plain token
     * @return the escaped token
     */
    public static String encode(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        token.codePoints()
                .forEach(
                        cp -> {
                            switch (cp) {
                                case '&' -> sb.append("&amp;");
                                case '<' -> sb.append("&lt;");
                                case '>' -> sb.append("&gt;");
                                case '\'' -> sb.append("&apos;");
                                case '"' -> sb.append("&quot;");
                                case '|' -> sb.append("&#124;");
                                case '[' -> sb.append("&#91;");
                                case ']' -> sb.append("&#93;");
                                default -> sb.appendCodePoint(cp);
                            }
                        });
        return sb.toString();
    }
}
