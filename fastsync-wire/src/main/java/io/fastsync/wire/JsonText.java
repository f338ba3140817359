package io.fastsync.wire;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes JSON text by hand, for {@link WireJson}'s messages: objects' fields, already JSON text,
 * are copied rather than walked value by value, and constant keys are written as they are.
 * Strings are escaped as JSON-P's generator escapes them, so the text is the generator's.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;

    JsonText(Writer out) {
        this.out = out;
    }

    JsonText raw(String text) throws IOException {
        out.write(text);
        return this;
    }

    /** The text from {@code from} to its end. */
    JsonText raw(String text, int from) throws IOException {
        out.write(text, from, text.length() - from);
        return this;
    }

    JsonText raw(char c) throws IOException {
        out.write(c);
        return this;
    }

    /** A key and its colon; {@code comma} first when it is not the object's first member. */
    JsonText key(String key, boolean comma) throws IOException {
        if (comma) {
            out.write(',');
        }
        string(key);
        out.write(':');
        return this;
    }

    JsonText value(long n) throws IOException {
        out.write(Long.toString(n));
        return this;
    }

    JsonText value(boolean b) throws IOException {
        out.write(b ? "true" : "false");
        return this;
    }

    /** A string value, or {@code null}. */
    JsonText value(String s) throws IOException {
        if (s == null) {
            out.write("null");
        } else {
            string(s);
        }
        return this;
    }

    /** Quotes and escapes as RFC 8259 requires: the quote, the backslash and the control characters. */
    private void string(String s) throws IOException {
        out.write('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.write(s, start, i - start);
            start = i + 1;
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> {
                    out.write("\\u00");
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xF]);
                }
            }
        }
        out.write(s, start, s.length() - start);
        out.write('"');
    }
}
