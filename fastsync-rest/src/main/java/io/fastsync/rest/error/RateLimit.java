package io.fastsync.rest.error;

import java.time.Clock;

/**
 * At most a number of events in a fixed window of time; the events refused in one window are
 * counted and reported with the first event let through afterwards. Thread-safe.
 */
final class RateLimit {

    /**
     * @param allowed          whether this event may be written
     * @param suppressedBefore how many events were refused since the last one let through; to be reported now
     */
    record Decision(boolean allowed, long suppressedBefore) {}

    private final int perWindow;
    private final long windowMillis;
    private final Clock clock;
    private long windowStart;
    private int used;
    private long suppressed;

    RateLimit(int perWindow, long windowMillis, Clock clock) {
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.windowStart = clock.millis();
    }

    synchronized Decision tryAcquire() {
        long now = clock.millis();
        if (now - windowStart >= windowMillis) {
            windowStart = now;
            used = 0;
        }
        if (used >= perWindow) {
            suppressed++;
            return new Decision(false, 0);
        }
        used++;
        long report = suppressed;
        suppressed = 0;
        return new Decision(true, report);
    }
}
