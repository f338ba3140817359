package io.fastsync.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer for large answers written by {@link io.fastsync.wire.WireJson}. Short
 * ASCII text (keys, numbers, ids) is copied into the byte buffer directly; longer text (an
 * object's stored fields) is encoded by {@link String#getBytes}, which the JVM does far faster
 * than a character-by-character encoder. Text is expected in whole strings: a surrogate pair
 * split across two calls would be written as two replacement characters.
 */
final class Utf8Writer extends Writer {

    private static final int SHORT = 32;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 15];
    private int used;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length <= SHORT && ascii(text, offset, length)) {
            if (used + length > buffer.length) {
                drain();
            }
            for (int i = 0; i < length; i++) {
                buffer[used++] = (byte) text.charAt(offset + i);
            }
            return;
        }
        byte[] bytes;
        int start;
        if (offset + length == text.length() && ascii(text, 0, offset)) {
            // the tail of a string: encode it whole, skip the (one-byte) characters before the offset
            bytes = text.getBytes(StandardCharsets.UTF_8);
            start = offset;
        } else {
            bytes = text.substring(offset, offset + length).getBytes(StandardCharsets.UTF_8);
            start = 0;
        }
        bytes(bytes, start, bytes.length - start);
    }

    @Override
    public void write(String text) throws IOException {
        write(text, 0, text.length());
    }

    @Override
    public void write(int c) throws IOException {
        if (c < 0x80) {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) c;
        } else {
            write(String.valueOf((char) c));
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length));
    }

    private void bytes(byte[] bytes, int offset, int length) throws IOException {
        if (used + length > buffer.length) {
            drain();
        }
        if (length > buffer.length) {
            out.write(bytes, offset, length);
        } else {
            System.arraycopy(bytes, offset, buffer, used, length);
            used += length;
        }
    }

    private static boolean ascii(String text, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
