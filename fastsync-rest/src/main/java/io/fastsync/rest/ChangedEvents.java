package io.fastsync.rest;

import io.fastsync.changes.ChangeFeed;
import io.fastsync.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code changed} events of the change streams, each written once as bytes and handed to every
 * stream that tells it: a commit told to a thousand subscribers of its zone is encoded once, not a
 * thousand times. It remembers the latest event of the zones told most recently, at most
 * {@link #ZONES} of them, so what it holds has a fixed bound whatever the number of zones.
 */
final class ChangedEvents {

    /** How many zones' latest events are kept. */
    static final int ZONES = 1024;

    private record Told(long version, byte[] event) {}

    private final Map<ChangeFeed.Zone, Told> latest = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChangeFeed.Zone, Told> eldest) {
            return size() > ZONES;
        }
    };

    /** @return the {@code changed} event that tells of {@code version} of {@code zone}; never to be modified */
    byte[] changed(ChangeFeed.Zone zone, long version) {
        synchronized (latest) {
            Told told = latest.get(zone);
            if (told != null && told.version() == version) {
                return told.event();
            }
        }
        byte[] event = event(
                "changed",
                String.valueOf(version),
                WireJson.objectBuilder()
                        .add("type", zone.type())
                        .add("syncZone", zone.zone())
                        .add("version", version)
                        .build()
                        .toString());
        synchronized (latest) {
            Told told = latest.get(zone);
            if (told == null || told.version() < version) {
                latest.put(zone, new Told(version, event));
            }
        }
        return event;
    }

    /** @return a server-sent event: its name, its id if not null, and one line of data */
    static byte[] event(String name, String id, String data) {
        StringBuilder s = new StringBuilder("event: ").append(name).append('\n');
        if (id != null) {
            s.append("id: ").append(id).append('\n');
        }
        return s.append("data: ").append(data).append("\n\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
