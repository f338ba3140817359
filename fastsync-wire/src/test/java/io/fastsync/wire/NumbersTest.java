package io.fastsync.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private static JsonValue number(String literal) {
        return Json.createReader(new java.io.StringReader("[" + literal + "]"))
                .readArray()
                .get(0);
    }

    @Test
    void versionWrittenAsDecimalWithZeroFractionIsAccepted() {
        assertEquals(5L, Numbers.wholeNumber(number("5.0"), "/v"));
        assertEquals(5L, Numbers.wholeNumber(number("5"), "/v"));
        assertEquals(5L, Numbers.wholeNumber(number("5e0"), "/v"));
    }

    @Test
    void versionWithRealFractionIsRejectedWithItsPointer() {
        WireFormatException e = assertThrows(
                WireFormatException.class, () -> Numbers.wholeNumber(number("5.5"), "/data/Item/0/metadata/version"));
        assertEquals("/data/Item/0/metadata/version", e.pointer());
    }

    @Test
    void versionAsStringIsRejected() {
        WireFormatException e =
                assertThrows(WireFormatException.class, () -> Numbers.wholeNumber(number("\"5\""), "/v"));
        assertEquals("must be a whole number, found a string", e.getMessage());
    }

    @Test
    void fractionalSecondsFromTypeScriptBecomeMicroseconds() {
        assertEquals(1_722_950_000_967_000L, Numbers.timestampMicros(number("1722950000.967"), "/t"));
        assertEquals(1_722_950_000_000_000L, Numbers.timestampMicros(number("1722950000"), "/t"));
    }

    @Test
    void integerMicrosecondsFromDartHiveAreKept() {
        assertEquals(1_722_950_000_123_000L, Numbers.timestampMicros(number("1722950000123000"), "/t"));
    }

    @Test
    void microsecondsAsDoubleFromDartSqfliteAreKept() {
        assertEquals(1_722_950_000_123_000L, Numbers.timestampMicros(number("1722950000123000.0"), "/t"));
        assertEquals(1_722_950_000_123_000L, Numbers.timestampMicros(number("1.722950000123E15"), "/t"));
    }

    @Test
    void millisecondsAreRecognisedByMagnitude() {
        assertEquals(1_722_950_000_123_000L, Numbers.timestampMicros(number("1722950000123"), "/t"));
    }

    @Test
    void allThreeUnitsOfTheSameInstantCompareEqual() {
        long seconds = Numbers.timestampMicros(number("1722950000.5"), "/t");
        long millis = Numbers.timestampMicros(number("1722950000500"), "/t");
        long micros = Numbers.timestampMicros(number("1722950000500000.0"), "/t");
        assertEquals(seconds, millis);
        assertEquals(seconds, micros);
    }

    @Test
    void instantsBecomeWholeMicrosecondsDroppingNanoseconds() {
        assertEquals(
                1_722_950_000_967_000L, Numbers.micros(java.time.Instant.ofEpochSecond(1_722_950_000L, 967_000_999)));
    }

    @Test
    void negativeTimestampIsRejected() {
        assertThrows(WireFormatException.class, () -> Numbers.timestampMicros(number("-1"), "/t"));
    }

    /** A few bytes that stand for a billion digits are refused from their size, never spelled out. */
    @Test
    void hugeAndTinyExponentsAreRefusedWithoutExpandingThem() {
        for (String text : List.of("1e999999999", "-1e999999999", "1e-999999999", "1.5e19", "99999999999999999999")) {
            JsonValue n = WireJson.parse("[" + text + "]").asJsonArray().get(0);
            WireFormatException e = assertThrows(WireFormatException.class, () -> Numbers.wholeNumber(n, "/v"), text);
            assertTrue(e.getMessage().length() < 200, e.getMessage());
        }
        JsonValue huge = WireJson.parse("[1e999999999]").asJsonArray().get(0);
        assertThrows(WireFormatException.class, () -> Numbers.timestampMicros(huge, "/t"));
        JsonValue tiny = WireJson.parse("[1e-999999999]").asJsonArray().get(0);
        assertEquals(0, Numbers.timestampMicros(tiny, "/t"));
        JsonValue many =
                WireJson.parse("[" + "7".repeat(1_000) + "]").asJsonArray().get(0);
        WireFormatException wide = assertThrows(WireFormatException.class, () -> Numbers.wholeNumber(many, "/v"));
        assertTrue(wide.getMessage().contains("1000 significant digits"), wide.getMessage());
        WireJson.BeyondLimits tooLong =
                assertThrows(WireJson.BeyondLimits.class, () -> WireJson.parse("[" + "7".repeat(100_000) + "]"));
        assertTrue(tooLong.getMessage().length() < 200, tooLong.getMessage());
        assertThrows(WireJson.BeyondLimits.class, () -> WireJson.parse("[".repeat(10_000) + "]".repeat(10_000)));
        assertEquals(
                5, Numbers.wholeNumber(WireJson.parse("[5.0e0]").asJsonArray().get(0), "/v"));
        assertEquals(
                50, Numbers.wholeNumber(WireJson.parse("[5e1]").asJsonArray().get(0), "/v"));
        assertEquals(
                Long.MAX_VALUE,
                Numbers.wholeNumber(
                        WireJson.parse("[" + Long.MAX_VALUE + "]").asJsonArray().get(0), "/v"));
    }
}
