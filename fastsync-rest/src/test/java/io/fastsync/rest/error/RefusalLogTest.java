package io.fastsync.rest.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.rest.testing.ManualClock;
import io.fastsync.wire.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    @Test
    void aFloodIsCutToTheLimitAndTheRestIsCountedOnce() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
        RateLimit limit = new RateLimit(3, 60_000, clock);
        for (int i = 0; i < 3; i++) {
            RateLimit.Decision d = limit.tryAcquire();
            assertTrue(d.allowed());
            assertEquals(0, d.suppressedBefore());
        }
        for (int i = 0; i < 500; i++) {
            assertFalse(limit.tryAcquire().allowed());
        }
        clock.advance(Duration.ofSeconds(59));
        assertFalse(limit.tryAcquire().allowed(), "still the same minute");
        clock.advance(Duration.ofSeconds(1));
        RateLimit.Decision next = limit.tryAcquire();
        assertTrue(next.allowed());
        assertEquals(501, next.suppressedBefore());
        assertEquals(0, limit.tryAcquire().suppressedBefore(), "reported once");
    }

    @Test
    void theLineSaysStatusCodeWhereAndWho() {
        Problem problem = new Problem(
                400,
                "invalid-field",
                "A field has the wrong type or value",
                "/data/Item/0/metadata/version must be a whole number, found a string",
                List.of(new Problem.Location(
                        "Item", "a1", "/data/Item/0/metadata/version", "must be a whole number, found a string")));
        assertEquals(
                "FastSync refused POST /push from 10.1.2.3: 400 invalid-field, type Item, id a1,"
                        + " at /data/Item/0/metadata/version: /data/Item/0/metadata/version must be a whole number, found a string",
                RefusalLog.line("POST", "/push", "10.1.2.3", problem));
    }

    @Test
    void requestDataCannotForgeLinesOrFillTheLog() {
        assertEquals("a\\u000aFastSync ready\\u000d", io.fastsync.error.LogText.printable("a\nFastSync ready\r", 100));
        String huge = "9".repeat(1_000_000);
        String cut = io.fastsync.error.LogText.printable(huge, 300);
        assertTrue(cut.length() < 330, cut.length() + " characters");
        assertTrue(cut.endsWith("(1000000 characters)"), cut.substring(290));
    }
}
