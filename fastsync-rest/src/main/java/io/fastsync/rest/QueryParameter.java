package io.fastsync.rest;

import io.fastsync.rest.error.MalformedJsonException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One query parameter read from the raw query string, strictly: a broken percent-encoding, bytes
 * that are not UTF-8 once decoded, or the parameter given twice is refused with where it went
 * wrong, instead of being decoded leniently (a container replaces what it cannot decode, and a
 * request would go on with other text than its sender wrote).
 */
final class QueryParameter {

    private QueryParameter() {}

    /**
     * @param rawQuery the query as sent, still percent-encoded; may be null
     * @param maxBytes the most bytes the decoded value may hold
     * @return the parameter's decoded value; null when it is not given
     * @throws MalformedJsonException saying what is wrong and where
     */
    static String read(String rawQuery, String name, int maxBytes) {
        if (rawQuery == null) {
            return null;
        }
        String value = null;
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!key.equals(name)) {
                continue;
            }
            if (value != null) {
                throw new MalformedJsonException("the query parameter " + name + " is given more than once");
            }
            value = decode(name, eq < 0 ? "" : pair.substring(eq + 1), maxBytes);
        }
        return value;
    }

    private static String decode(String name, String encoded, int maxBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(encoded.length(), maxBytes));
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new MalformedJsonException("the query parameter " + name
                            + " is not percent-encoded: '%' at character " + (i + 1)
                            + " is not followed by two hexadecimal digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new MalformedJsonException("the query parameter " + name + " holds a character that is not"
                        + " percent-encoded at character " + (i + 1));
            }
            if (bytes.size() > maxBytes) {
                throw new MalformedJsonException(
                        "the query parameter " + name + " is longer than " + maxBytes + " bytes");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException(
                    "the query parameter " + name + " is not valid UTF-8 once percent-decoded");
        }
    }
}
