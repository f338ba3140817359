package io.fastsync.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the sync engine with its default, read once through MicroProfile Config.
 * Each key can also be set as an environment variable in the MicroProfile way: upper case, with
 * every other character than letters and digits replaced by {@code _}
 * ({@code fastsync.pull.page-size} is {@code FASTSYNC_PULL_PAGE_SIZE}).
 *
 * @param pageSize               {@value #PAGE_SIZE}: the most objects one pull answer holds
 * @param maxPushObjects         {@value #MAX_PUSH_OBJECTS}: the most objects one push may hold
 * @param maxPushBytes           {@value #MAX_PUSH_BYTES}: the largest push body, in bytes
 * @param receiptRetentionHours  {@value #RETENTION_HOURS}: how long an idempotency key is remembered
 * @param types                  {@value #TYPES}: the document types a standalone server serves
 * @param refusalsLoggedPerMinute {@value #REFUSALS_PER_MINUTE}: the most refused requests logged one by
 *                               one in a minute; the rest are counted in one line
 */
public record FastSyncSettings(int pageSize, int maxPushObjects, long maxPushBytes, int receiptRetentionHours,
                               List<String> types, int refusalsLoggedPerMinute) {

    public static final String PAGE_SIZE = "fastsync.pull.page-size";
    public static final String MAX_PUSH_OBJECTS = "fastsync.push.max-objects";
    public static final String MAX_PUSH_BYTES = "fastsync.push.max-bytes";
    public static final String RETENTION_HOURS = "fastsync.idempotency.retention-hours";
    public static final String TYPES = "fastsync.types";
    public static final String REFUSALS_PER_MINUTE = "fastsync.log.refusals-per-minute";
    /** Prefix of the per-type keys {@code fastsync.type.<Name>.zone} and {@code fastsync.type.<Name>.conflicts}. */
    public static final String TYPE_PREFIX = "fastsync.type.";

    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final int DEFAULT_MAX_PUSH_OBJECTS = 10_000;
    public static final long DEFAULT_MAX_PUSH_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_RETENTION_HOURS = 24;
    public static final String DEFAULT_TYPES = "Item";
    public static final int DEFAULT_REFUSALS_PER_MINUTE = 20;

    public FastSyncSettings {
        positive(PAGE_SIZE, pageSize);
        positive(MAX_PUSH_OBJECTS, maxPushObjects);
        positive(MAX_PUSH_BYTES, maxPushBytes);
        positive(RETENTION_HOURS, receiptRetentionHours);
        types = List.copyOf(types);
        positive(REFUSALS_PER_MINUTE, refusalsLoggedPerMinute);
    }

    /** @return the defaults */
    public static FastSyncSettings defaults() {
        return read(key -> Optional.empty());
    }

    /**
     * @param lookup the value of a key, if set
     * @throws IllegalArgumentException naming the key whose value is not valid
     */
    public static FastSyncSettings read(Function<String, Optional<String>> lookup) {
        return new FastSyncSettings(
                (int) number(lookup, PAGE_SIZE, DEFAULT_PAGE_SIZE),
                (int) number(lookup, MAX_PUSH_OBJECTS, DEFAULT_MAX_PUSH_OBJECTS),
                number(lookup, MAX_PUSH_BYTES, DEFAULT_MAX_PUSH_BYTES),
                (int) number(lookup, RETENTION_HOURS, DEFAULT_RETENTION_HOURS),
                List.of(lookup.apply(TYPES).orElse(DEFAULT_TYPES).split(",")).stream()
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                (int) number(lookup, REFUSALS_PER_MINUTE, DEFAULT_REFUSALS_PER_MINUTE));
    }

    private static long number(Function<String, Optional<String>> lookup, String key, long fallback) {
        Optional<String> value = lookup.apply(key);
        if (value.isEmpty() || value.get().isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, found '" + value.get() + "'");
        }
    }

    private static void positive(String key, long value) {
        if (value < 1 || value > Integer.MAX_VALUE && !key.equals(MAX_PUSH_BYTES)) {
            throw new IllegalArgumentException(key + " must be at least 1 and at most " + Integer.MAX_VALUE + ", found " + value);
        }
    }
}
