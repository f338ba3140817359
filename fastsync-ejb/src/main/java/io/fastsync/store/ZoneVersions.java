package io.fastsync.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of (zone, version), as a store's {@code GROUP BY} query returns them. */
public final class ZoneVersions {

    private ZoneVersions() {}

    /** @return by zone, its version, in the rows' order */
    public static Map<String, Long> of(List<Object[]> rows) {
        Map<String, Long> zones = new LinkedHashMap<>();
        for (Object[] row : rows) {
            zones.put((String) row[0], ((Number) row[1]).longValue());
        }
        return zones;
    }
}
