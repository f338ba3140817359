package io.fastsync.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fastsync.changes.ChangeFeed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChangedEventsTest {

    private final ChangedEvents events = new ChangedEvents();

    @Test
    void anEventIsTheServerSentEventOfTheZonesVersionWithItsTextEscaped() {
        byte[] event = events.changed(new ChangeFeed.Zone("Item", "user \"7\"\n"), 42);
        assertEquals(
                "event: changed\nid: 42\ndata: {\"type\":\"Item\",\"syncZone\":\"user \\\"7\\\"\\n\",\"version\":42}\n\n",
                new String(event, StandardCharsets.UTF_8));
    }

    @Test
    void aVersionToldToManyStreamsIsEncodedOnce() {
        ChangeFeed.Zone zone = new ChangeFeed.Zone("Item", "z");
        byte[] first = events.changed(zone, 5);
        assertSame(first, events.changed(new ChangeFeed.Zone("Item", "z"), 5));
        byte[] next = events.changed(zone, 6);
        assertNotSame(first, next);
        assertSame(next, events.changed(zone, 6));
        // A stream that still tells the older version gets it, and the newer one stays kept.
        assertEquals(
                new String(first, StandardCharsets.UTF_8), new String(events.changed(zone, 5), StandardCharsets.UTF_8));
        assertSame(next, events.changed(zone, 6));
    }

    @Test
    void itKeepsTheLatestEventsOfABoundedNumberOfZones() {
        ChangeFeed.Zone oldest = new ChangeFeed.Zone("Item", "zone-0");
        byte[] kept = events.changed(oldest, 1);
        for (int i = 1; i <= ChangedEvents.ZONES; i++) {
            events.changed(new ChangeFeed.Zone("Item", "zone-" + i), 1);
        }
        assertNotSame(kept, events.changed(oldest, 1), "the zone told longest ago was let go");
        ChangeFeed.Zone recent = new ChangeFeed.Zone("Item", "zone-" + ChangedEvents.ZONES);
        assertSame(events.changed(recent, 1), events.changed(recent, 1));
    }
}
