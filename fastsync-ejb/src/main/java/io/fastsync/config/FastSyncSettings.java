package io.fastsync.config;

import io.fastsync.zone.SyncZoneRestriction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of FastSync with its default: {@link #ALL} lists each key once (the README's
 * configuration table, {@code config/fastsync.properties} and the standalone server's bundled
 * defaults are checked against it by a test), and the record holds the values the engine reads,
 * once, through MicroProfile Config. Each key can also be set as an environment variable in the
 * MicroProfile way: upper case, with every other character than letters and digits replaced by
 * {@code _} ({@code fastsync.pull.page-size} is {@code FASTSYNC_PULL_PAGE_SIZE}).
 *
 * @param pageSize                {@value #PAGE_SIZE}: the most objects one pull answer holds
 * @param maxPushObjects          {@value #MAX_PUSH_OBJECTS}: the most objects one push may hold
 * @param maxPushBytes            {@value #MAX_PUSH_BYTES}: the largest push body, in bytes
 * @param receiptRetentionHours   {@value #RETENTION_HOURS}: how long an idempotency key is remembered
 * @param types                   {@value #TYPES}: the document types a standalone server serves
 * @param refusalsLoggedPerMinute {@value #REFUSALS_PER_MINUTE}: the most refused requests logged one
 *                                by one in a minute; the rest are counted in one line
 * @param typeSettings            the zone rule and conflict strategy of each of {@code types}
 */
public record FastSyncSettings(
        int pageSize,
        int maxPushObjects,
        long maxPushBytes,
        int receiptRetentionHours,
        List<String> types,
        int refusalsLoggedPerMinute,
        Map<String, TypeSettings> typeSettings) {

    /**
     * One setting.
     *
     * @param key          the key; per-type keys name the type {@code <Name>}
     * @param defaultValue the default, as a configuration file writes it
     * @param meaning      what it sets, in the words of the README's table
     */
    public record Setting(String key, String defaultValue, String meaning) {}

    /**
     * The settings of one served document type.
     *
     * @param zones     {@value #TYPE_PREFIX}{@code <Name>.zone}: restricted (one zone per user or company) or global
     * @param conflicts {@value #TYPE_PREFIX}{@code <Name>.conflicts}: {@code last-writer-wins},
     *                  {@code timestamp-ordering}, or the name of a {@code @Named ConflictResolver} bean
     */
    public record TypeSettings(SyncZoneRestriction zones, String conflicts) {}

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
    public static final String DEFAULT_ZONES = "restricted";
    public static final String DEFAULT_CONFLICTS = "last-writer-wins";

    /** Every key, in the order the README's table lists them. */
    public static final List<Setting> ALL = List.of(
            new Setting(TYPES, DEFAULT_TYPES, "document types the standalone server serves, comma-separated"),
            new Setting(
                    TYPE_PREFIX + "<Name>.zone",
                    DEFAULT_ZONES,
                    "`restricted` (one zone per user or company) or `global` (one zone, `Global`)"),
            new Setting(
                    TYPE_PREFIX + "<Name>.conflicts",
                    DEFAULT_CONFLICTS,
                    "`last-writer-wins`, `timestamp-ordering`, or the name of a `@Named ConflictResolver<SyncDocument>` bean"),
            new Setting(PAGE_SIZE, String.valueOf(DEFAULT_PAGE_SIZE), "most objects in one pull answer"),
            new Setting(MAX_PUSH_OBJECTS, String.valueOf(DEFAULT_MAX_PUSH_OBJECTS), "most objects in one push"),
            new Setting(MAX_PUSH_BYTES, String.valueOf(DEFAULT_MAX_PUSH_BYTES), "largest push body"),
            new Setting(RETENTION_HOURS, String.valueOf(DEFAULT_RETENTION_HOURS), "how long idempotency keys are kept"),
            new Setting(
                    REFUSALS_PER_MINUTE,
                    String.valueOf(DEFAULT_REFUSALS_PER_MINUTE),
                    "refused requests logged one by one in a minute; past that, one line counts the rest"),
            new Setting("fastsync.data.dir", "${user.home}/.fastsync", "the embedded database's folder"),
            new Setting(
                    "fastsync.db.url",
                    "jdbc:h2:file:${fastsync.data.dir}/fastsync",
                    "the standalone server's database"),
            new Setting("fastsync.db.user", "fastsync", "its user"),
            new Setting("fastsync.db.password", "fastsync", "its password"),
            new Setting(
                    "fastsync.db.driver",
                    "org.h2.jdbcx.JdbcDataSource",
                    "its data source class; follows from `fastsync.db.url` for PostgreSQL, H2 and MariaDB"));

    public FastSyncSettings {
        positive(PAGE_SIZE, pageSize);
        positive(MAX_PUSH_OBJECTS, maxPushObjects);
        positive(MAX_PUSH_BYTES, maxPushBytes);
        positive(RETENTION_HOURS, receiptRetentionHours);
        types = List.copyOf(types);
        positive(REFUSALS_PER_MINUTE, refusalsLoggedPerMinute);
        typeSettings = Map.copyOf(typeSettings);
    }

    /** @return the settings of a served type, its defaults for a type not configured */
    public TypeSettings type(String name) {
        return typeSettings.getOrDefault(name, new TypeSettings(SyncZoneRestriction.RESTRICTED, DEFAULT_CONFLICTS));
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
        List<String> types = List.of(lookup.apply(TYPES).orElse(DEFAULT_TYPES).split(",")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        Map<String, TypeSettings> byType = new LinkedHashMap<>();
        for (String type : types) {
            byType.put(
                    type,
                    new TypeSettings(
                            zones(lookup, TYPE_PREFIX + type + ".zone"),
                            lookup.apply(TYPE_PREFIX + type + ".conflicts")
                                    .map(String::trim)
                                    .filter(v -> !v.isEmpty())
                                    .orElse(DEFAULT_CONFLICTS)));
        }
        return new FastSyncSettings(
                (int) number(lookup, PAGE_SIZE, DEFAULT_PAGE_SIZE),
                (int) number(lookup, MAX_PUSH_OBJECTS, DEFAULT_MAX_PUSH_OBJECTS),
                number(lookup, MAX_PUSH_BYTES, DEFAULT_MAX_PUSH_BYTES),
                (int) number(lookup, RETENTION_HOURS, DEFAULT_RETENTION_HOURS),
                types,
                (int) number(lookup, REFUSALS_PER_MINUTE, DEFAULT_REFUSALS_PER_MINUTE),
                byType);
    }

    private static SyncZoneRestriction zones(Function<String, Optional<String>> lookup, String key) {
        String value =
                lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(DEFAULT_ZONES);
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "restricted" -> SyncZoneRestriction.RESTRICTED;
            case "global" -> SyncZoneRestriction.GLOBAL;
            default -> throw new IllegalArgumentException(key + " must be restricted or global, found '" + value + "'");
        };
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
            throw new IllegalArgumentException(
                    key + " must be at least 1 and at most " + Integer.MAX_VALUE + ", found " + value);
        }
    }
}
