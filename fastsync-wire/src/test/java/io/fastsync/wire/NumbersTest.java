package io.fastsync.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
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
}
