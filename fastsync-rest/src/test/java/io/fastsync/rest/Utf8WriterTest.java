package io.fastsync.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    private static final String[] PIECES = {
        "{",
        "\"id\":",
        "a",
        "12345",
        "é",
        "中文",
        "\uD83D\uDE00",
        "\"",
        ",",
        "x".repeat(31),
        "y".repeat(32),
        "z".repeat(33),
        "long text with ü and \uD83D\uDE00 in it " + "w".repeat(300),
        "n".repeat(70_000),
        ""
    };

    @Test
    void writesWhatStringGetBytesWrites() throws IOException {
        Random random = new Random(7);
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer writer = new Utf8Writer(bytes);
        for (int i = 0; i < 5_000; i++) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            switch (random.nextInt(4)) {
                case 0 -> writer.write(piece);
                case 1 -> {
                    // a tail, as a stored object's fields are written without their opening brace
                    int from = piece.isEmpty() ? 0 : 1;
                    writer.write(piece, from, piece.length() - from);
                    piece = piece.substring(from);
                }
                case 2 -> {
                    int from = piece.length() / 3;
                    int to = from + (piece.length() - from) / 2;
                    if (piece.length() < 2
                            || Character.isLowSurrogate(piece.charAt(from))
                            || to < piece.length() && Character.isLowSurrogate(piece.charAt(to))) {
                        writer.write(piece);
                    } else {
                        writer.write(piece, from, to - from);
                        piece = piece.substring(from, to);
                    }
                }
                default -> {
                    if (!piece.isEmpty() && piece.charAt(0) < 0x80) {
                        writer.write(piece.charAt(0));
                        piece = piece.substring(0, 1);
                    } else {
                        writer.write(piece.toCharArray(), 0, piece.length());
                    }
                }
            }
            expected.append(piece);
        }
        writer.flush();
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    @Test
    void nothingIsSentBeforeFlushUnlessTheBufferFills() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer writer = new Utf8Writer(bytes);
        writer.write("small");
        assertEquals(0, bytes.size());
        writer.flush();
        assertEquals("small", bytes.toString(StandardCharsets.UTF_8));
    }
}
