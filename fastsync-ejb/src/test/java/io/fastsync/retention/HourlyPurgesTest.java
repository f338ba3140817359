package io.fastsync.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HourlyPurgesTest {

    @Test
    void theFirstRunIsAtTheNextStartOfItsMinute() {
        LocalDateTime at = LocalDateTime.of(2026, 12, 7, 19, 5, 30);
        assertEquals(Duration.ofSeconds(90), HourlyPurges.untilMinute(at, 7));
        assertEquals(Duration.ofMinutes(31).plusSeconds(30), HourlyPurges.untilMinute(at, 37));
        assertEquals(Duration.ofMinutes(59).plusSeconds(30), HourlyPurges.untilMinute(at, 5));
        assertEquals(Duration.ofHours(1), HourlyPurges.untilMinute(LocalDateTime.of(2026, 12, 7, 19, 7), 7));
    }
}
