package io.fastsync.config;

import io.fastsync.zone.SyncZoneRestriction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every setting of FastSync with its default: {@link #ALL} lists each key once (the table of
 * {@code docs/configuration.md}, {@code config/fastsync.properties} and the standalone server's bundled
 * defaults are checked against it by a test), and the record holds the values the engine reads,
 * once, through MicroProfile Config. Each key can also be set as an environment variable in the
 * MicroProfile way: upper case, with every other character than letters and digits replaced by
 * {@code _} ({@code fastsync.pull.page-size} is {@code FASTSYNC_PULL_PAGE_SIZE}).
 *
 * @param pageSize                {@value #PAGE_SIZE}: the most objects one pull answer holds
 * @param maxPushObjects          {@value #MAX_PUSH_OBJECTS}: the most objects one push may hold
 * @param maxPushBytes            {@value #MAX_PUSH_BYTES}: the largest push body, in bytes
 * @param bodyTimeoutSeconds      {@value #BODY_TIMEOUT}: how long a request's whole body may take to arrive
 * @param receiptRetentionHours   {@value #RETENTION_HOURS}: how long an idempotency key is remembered
 * @param tombstoneRetentionDays  {@value #TOMBSTONE_RETENTION_DAYS}: how long a deleted object's tombstone is
 *                                kept; 0 (the default) keeps it for ever
 * @param types                   {@value #TYPES}: the document types a standalone server serves
 * @param refusalsLoggedPerMinute {@value #REFUSALS_PER_MINUTE}: the most refused requests logged one
 *                                by one in a minute; the rest are counted in one line
 * @param typeSettings            the zone rule and conflict strategy of each of {@code types}
 * @param security                who may read and write which zone, and how callers prove who they are
 * @param changes                 the limits and timings of change streams ({@code GET changes})
 */
public record FastSyncSettings(
        int pageSize,
        int maxPushObjects,
        long maxPushBytes,
        int bodyTimeoutSeconds,
        int receiptRetentionHours,
        int tombstoneRetentionDays,
        List<String> types,
        int refusalsLoggedPerMinute,
        Map<String, TypeSettings> typeSettings,
        Security security,
        Changes changes) {

    /**
     * One setting.
     *
     * @param key          the key; per-type keys name the type {@code <Name>}
     * @param defaultValue the default, as a configuration file writes it
     * @param meaning      what it sets, in the words of {@code docs/configuration.md}'s table
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

    /**
     * Change streams: what one stream, one caller and one instance may hold, and when a stream ends.
     *
     * @param maxPerCaller       {@value #CHANGES_MAX_PER_CALLER}: streams one caller holds open at once (in
     *                           trust mode, one machine: an IPv4 address, an IPv6 /64, or this machine)
     * @param maxOpen            {@value #CHANGES_MAX_OPEN}: streams this instance holds open at once; unset, one
     *                           per {@value #HEAP_BYTES_PER_STREAM} bytes of the maximum heap
     * @param heartbeatSeconds   {@value #CHANGES_HEARTBEAT}: seconds between heartbeat comments
     * @param stallSeconds       {@value #CHANGES_STALL}: how long a stream's subscriber may leave what was written
     *                           to it unread before the stream is ended ({@code too-slow})
     * @param maxLifetimeSeconds {@value #CHANGES_MAX_LIFETIME}: the longest a stream stays open ({@code lifetime});
     *                           each stream ends somewhat earlier, at random, so that streams opened together do
     *                           not end together
     * @param relayDataSource    {@value #CHANGES_RELAY_DATA_SOURCE}: the data source of the PostgreSQL relay
     */
    public record Changes(
            int maxPerCaller,
            int maxOpen,
            int heartbeatSeconds,
            int stallSeconds,
            int maxLifetimeSeconds,
            String relayDataSource) {

        public Changes {
            positive(CHANGES_MAX_PER_CALLER, maxPerCaller);
            positive(CHANGES_MAX_OPEN, maxOpen);
            positive(CHANGES_HEARTBEAT, heartbeatSeconds);
            positive(CHANGES_STALL, stallSeconds);
            positive(CHANGES_MAX_LIFETIME, maxLifetimeSeconds);
            Objects.requireNonNull(relayDataSource, CHANGES_RELAY_DATA_SOURCE);
        }

        /** @return the streams an instance holds when {@value #CHANGES_MAX_OPEN} is unset, for a heap of this size */
        public static int sizedFor(long maxHeapBytes) {
            return (int) Math.max(100, Math.min(Integer.MAX_VALUE, maxHeapBytes / HEAP_BYTES_PER_STREAM));
        }
    }

    /** How callers are known, which {@code fastsync.security.mode} chooses. */
    public enum SecurityMode {
        /** FastSync verifies each request's bearer token itself, with the {@code mp.jwt.verify.*} keys. */
        TOKEN,
        /** The container authenticated the caller (an embedding application's own security). */
        CONTAINER,
        /** Nobody is authenticated and every caller may use the zone it names. */
        TRUST
    }

    /**
     * Security settings.
     *
     * @param mode              {@value #SECURITY_MODE}: token when a verification key is set, otherwise trust
     * @param zoneClaims        the claim that grants the zones of each type ({@value #TYPE_PREFIX}{@code <Name>.zone-claim},
     *                          by default {@value #ZONE_CLAIM})
     * @param globalWriterRole  {@value #GLOBAL_WRITER_ROLE}: the group a caller needs to write a global type
     * @param adminRole         {@value #ADMIN_ROLE}: the group a caller needs for the admin API (token and container mode)
     * @param allowRemoteTrust  {@value #ALLOW_REMOTE_TRUST}: whether trust mode serves other machines than this one
     * @param publicKey         {@value #PUBLIC_KEY}: the verification key itself (PEM, JWK or JWK set), or null
     * @param publicKeyLocation {@value #PUBLIC_KEY_LOCATION}: a file or URL of the key or key set, or null
     * @param algorithm         {@value #PUBLIC_KEY_ALGORITHM}: the signature algorithm tokens must use
     * @param issuer            {@value #ISSUER}: the issuer tokens must name; required in token mode
     * @param audiences         {@value #AUDIENCES}: tokens must name one of these audiences, if any is set
     * @param clockSkewSeconds  {@value #CLOCK_SKEW}: how far expiry and not-before may be off
     * @param allowedOrigins    {@value #ALLOWED_ORIGINS}: the web origins whose pages may call the server; none by default
     * @param keySetRefreshSeconds {@value #KEY_SET_REFRESH}: the least time between two fetches of a key set
     *                          from a URL, however many tokens name keys it lacks
     */
    public record Security(
            SecurityMode mode,
            Function<String, String> zoneClaims,
            String globalWriterRole,
            String adminRole,
            boolean allowRemoteTrust,
            String publicKey,
            String publicKeyLocation,
            String algorithm,
            String issuer,
            List<String> audiences,
            int clockSkewSeconds,
            List<String> allowedOrigins,
            int keySetRefreshSeconds) {

        public Security {
            audiences = List.copyOf(audiences);
            allowedOrigins = List.copyOf(allowedOrigins);
            for (String origin : allowedOrigins) {
                if (!origin.matches("https?://[^/\\s]+")) {
                    throw new IllegalArgumentException(ALLOWED_ORIGINS + " lists origins such as https://app.example"
                            + " (scheme, host, port; no path, no '*'), found '" + origin + "'");
                }
            }
            if (mode == SecurityMode.TOKEN && publicKey == null && publicKeyLocation == null) {
                throw new IllegalArgumentException(SECURITY_MODE + " is token, but neither " + PUBLIC_KEY + " nor "
                        + PUBLIC_KEY_LOCATION + " is set");
            }
            if (mode == SecurityMode.TOKEN && issuer == null) {
                throw new IllegalArgumentException(
                        SECURITY_MODE + " is token: " + ISSUER + " must name the issuer tokens come from");
            }
            keySetRefresh(keySetRefreshSeconds);
        }

        /** @return the claim whose values are the zones of a type a caller may use */
        public String zoneClaim(String typeName) {
            return zoneClaims.apply(typeName);
        }
    }

    public static final String PAGE_SIZE = "fastsync.pull.page-size";
    public static final String MAX_PUSH_OBJECTS = "fastsync.push.max-objects";
    public static final String MAX_PUSH_BYTES = "fastsync.push.max-bytes";
    public static final String RETENTION_HOURS = "fastsync.idempotency.retention-hours";
    public static final String TOMBSTONE_RETENTION_DAYS = "fastsync.tombstones.retention-days";
    public static final String BODY_TIMEOUT = "fastsync.http.body-timeout-seconds";
    public static final String TYPES = "fastsync.types";
    public static final String REFUSALS_PER_MINUTE = "fastsync.log.refusals-per-minute";
    public static final String SECURITY_MODE = "fastsync.security.mode";
    public static final String ZONE_CLAIM = "fastsync.security.zone-claim";
    public static final String GLOBAL_WRITER_ROLE = "fastsync.security.global-writer-role";
    public static final String ADMIN_ROLE = "fastsync.security.admin-role";
    public static final String ALLOW_REMOTE_TRUST = "fastsync.security.allow-remote-trust";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String PUBLIC_KEY_ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    public static final String ISSUER = "mp.jwt.verify.issuer";
    public static final String AUDIENCES = "mp.jwt.verify.audiences";
    public static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    public static final String KEY_SET_REFRESH = "fastsync.security.key-set-refresh-seconds";
    public static final String ALLOWED_ORIGINS = "fastsync.cors.allowed-origins";
    public static final String CHANGES_MAX_PER_CALLER = "fastsync.changes.max-per-caller";
    public static final String CHANGES_MAX_OPEN = "fastsync.changes.max-open";
    public static final String CHANGES_HEARTBEAT = "fastsync.changes.heartbeat-seconds";
    public static final String CHANGES_STALL = "fastsync.changes.stall-seconds";
    public static final String CHANGES_MAX_LIFETIME = "fastsync.changes.max-lifetime-seconds";
    public static final String CHANGES_RELAY_DATA_SOURCE = "fastsync.changes.relay-data-source";
    /** Prefix of the per-type keys {@code fastsync.type.<Name>.zone} and {@code fastsync.type.<Name>.conflicts}. */
    public static final String TYPE_PREFIX = "fastsync.type.";

    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final int DEFAULT_MAX_PUSH_OBJECTS = 10_000;
    public static final long DEFAULT_MAX_PUSH_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_RETENTION_HOURS = 24;
    public static final int DEFAULT_BODY_TIMEOUT = 60;
    public static final String DEFAULT_TYPES = "Item";
    public static final int DEFAULT_REFUSALS_PER_MINUTE = 20;
    public static final String DEFAULT_ZONES = "restricted";
    public static final String DEFAULT_CONFLICTS = "last-writer-wins";
    public static final String DEFAULT_ZONE_CLAIM = "sub";
    public static final String DEFAULT_GLOBAL_WRITER_ROLE = "fastsync-global-writer";
    public static final String DEFAULT_ADMIN_ROLE = "fastsync-admin";
    public static final String DEFAULT_ALGORITHM = "RS256";
    public static final int DEFAULT_CLOCK_SKEW = 60;
    public static final int DEFAULT_CHANGES_MAX_PER_CALLER = 16;
    public static final int DEFAULT_CHANGES_HEARTBEAT = 25;
    public static final int DEFAULT_CHANGES_STALL = 15;
    public static final int DEFAULT_CHANGES_MAX_LIFETIME = 3600;
    public static final String DEFAULT_CHANGES_RELAY_DATA_SOURCE = "java:app/jdbc/fastsync";
    /** The heap an open change stream is budgeted, for the default of {@value #CHANGES_MAX_OPEN}. */
    public static final long HEAP_BYTES_PER_STREAM = 64 * 1024;

    public static final int DEFAULT_KEY_SET_REFRESH = 30;
    /** The most seconds {@value #KEY_SET_REFRESH} may be: an hour. */
    public static final int MAX_KEY_SET_REFRESH = 3600;

    /** Every key, in the order the table of {@code docs/configuration.md} lists them. */
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
            new Setting(
                    BODY_TIMEOUT,
                    String.valueOf(DEFAULT_BODY_TIMEOUT),
                    "time a request's whole body may take to arrive where `BodyReading` reads it (the standalone server);"
                            + " later, `408 request-timeout`"),
            new Setting(RETENTION_HOURS, String.valueOf(DEFAULT_RETENTION_HOURS), "how long idempotency keys are kept"),
            new Setting(
                    TOMBSTONE_RETENTION_DAYS,
                    "0",
                    "days a deleted object's tombstone is kept (by its timestamp), then purged; a client whose cursor predates a purge is told to start over (`410`). `0` keeps them for ever"),
            new Setting(
                    REFUSALS_PER_MINUTE,
                    String.valueOf(DEFAULT_REFUSALS_PER_MINUTE),
                    "refused requests logged one by one in a minute; past that, one line counts the rest"),
            new Setting(
                    CHANGES_MAX_PER_CALLER,
                    String.valueOf(DEFAULT_CHANGES_MAX_PER_CALLER),
                    "change streams (`GET changes`) one caller may hold open (in trust mode, one machine: an IPv4"
                            + " address or an IPv6 /64); past that, `429 too-many-subscriptions`"),
            new Setting(
                    CHANGES_MAX_OPEN,
                    "",
                    "change streams this instance holds open; past that, `503 streams-full` with `Retry-After`;"
                            + " unset or 0: one per 64 KiB of the maximum heap (8,192 at `-Xmx512m`)"),
            new Setting(
                    CHANGES_HEARTBEAT,
                    String.valueOf(DEFAULT_CHANGES_HEARTBEAT),
                    "seconds between heartbeat comments on a change stream"),
            new Setting(
                    CHANGES_STALL,
                    String.valueOf(DEFAULT_CHANGES_STALL),
                    "seconds a change stream's subscriber may leave what was written to it unread; then the stream"
                            + " ends (`closing`, `too-slow`)"),
            new Setting(
                    CHANGES_MAX_LIFETIME,
                    String.valueOf(DEFAULT_CHANGES_MAX_LIFETIME),
                    "the longest a change stream stays open (each ends up to a tenth earlier, at random); then"
                            + " `closing`, `lifetime`, and the subscriber reconnects"),
            new Setting(
                    CHANGES_RELAY_DATA_SOURCE,
                    DEFAULT_CHANGES_RELAY_DATA_SOURCE,
                    "the data source on which instances sharing a PostgreSQL tell each other of commits (`LISTEN/NOTIFY`)"),
            new Setting("fastsync.data.dir", "${user.home}/.fastsync", "the embedded database's folder"),
            new Setting(
                    "fastsync.db.url",
                    "jdbc:h2:file:${fastsync.data.dir}/fastsync",
                    "the standalone server's database"),
            new Setting("fastsync.db.user", "fastsync", "its user"),
            new Setting(
                    "fastsync.db.password",
                    "fastsync",
                    "its password; set empty (`FASTSYNC_DB_PASSWORD=`) for none; the driver is the one that accepts the URL"),
            new Setting(
                    "mp.openapi.scan.disable",
                    "true",
                    "the OpenAPI document of push, pull and the admin API (`GET /openapi`) is the standalone"
                            + " server's `META-INF/openapi.json` as written, not a scan of annotations"),
            new Setting(
                    SECURITY_MODE,
                    "",
                    "`token` (FastSync verifies bearer tokens), `container` (the application's container authenticates) or `trust` (none; this machine only); unset: `token` when a key is set, else `trust`"),
            new Setting(PUBLIC_KEY, "", "the key that verifies tokens: PEM public key, JWK or JWK set"),
            new Setting(
                    PUBLIC_KEY_LOCATION,
                    "",
                    "a file, `file:` or `http(s):` URL of that key or key set (a remote key set is cached and refreshed)"),
            new Setting(
                    PUBLIC_KEY_ALGORITHM,
                    DEFAULT_ALGORITHM,
                    "the algorithm tokens are signed with: `RS256` or `ES256`"),
            new Setting(ISSUER, "", "the `iss` every token must have; required in token mode"),
            new Setting(AUDIENCES, "", "comma-separated; if set, a token's `aud` must name one of them"),
            new Setting(CLOCK_SKEW, String.valueOf(DEFAULT_CLOCK_SKEW), "seconds that `exp` and `nbf` may be off"),
            new Setting(
                    KEY_SET_REFRESH,
                    String.valueOf(DEFAULT_KEY_SET_REFRESH),
                    "least seconds (1 to 3600) between two fetches of an `http(s):` key set: a token naming a key the set"
                            + " lacks (`401`) fetches it again only once they have passed, so a new key is accepted within"
                            + " that time"),
            new Setting(
                    ZONE_CLAIM,
                    DEFAULT_ZONE_CLAIM,
                    "the claim whose values are the zones a caller may use, for types without a claim of their own"),
            new Setting(
                    TYPE_PREFIX + "<Name>.zone-claim",
                    "",
                    "the claim that grants the zones of this type (`sub` per user, `tenant` per company); unset: `fastsync.security.zone-claim`"),
            new Setting(
                    GLOBAL_WRITER_ROLE,
                    DEFAULT_GLOBAL_WRITER_ROLE,
                    "the group (`groups` claim) a caller needs to write global types; every authenticated caller reads them"),
            new Setting(
                    ADMIN_ROLE,
                    DEFAULT_ADMIN_ROLE,
                    "the group (`groups` claim, or the container's role) a caller needs for the admin API; in trust mode the admin API serves this machine only"),
            new Setting(
                    ALLOW_REMOTE_TRUST,
                    "false",
                    "`true` lets trust mode serve other machines than this one (logged as a warning at start-up)"),
            new Setting(
                    ALLOWED_ORIGINS,
                    "",
                    "comma-separated web origins (`https://app.example`) whose pages may call the endpoints (CORS); none by default"));

    public FastSyncSettings {
        positive(PAGE_SIZE, pageSize);
        positive(MAX_PUSH_OBJECTS, maxPushObjects);
        positive(MAX_PUSH_BYTES, maxPushBytes);
        positive(BODY_TIMEOUT, bodyTimeoutSeconds);
        positive(RETENTION_HOURS, receiptRetentionHours);
        if (tombstoneRetentionDays < 0) {
            throw new IllegalArgumentException(
                    TOMBSTONE_RETENTION_DAYS + " must be 0 (keep for ever) or more, found " + tombstoneRetentionDays);
        }
        types = List.copyOf(types);
        positive(REFUSALS_PER_MINUTE, refusalsLoggedPerMinute);
        typeSettings = Map.copyOf(typeSettings);
        Objects.requireNonNull(security, "security");
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
        List<String> types = list(lookup.apply(TYPES).orElse(DEFAULT_TYPES));
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
                (int) number(lookup, BODY_TIMEOUT, DEFAULT_BODY_TIMEOUT),
                (int) number(lookup, RETENTION_HOURS, DEFAULT_RETENTION_HOURS),
                (int) number(lookup, TOMBSTONE_RETENTION_DAYS, 0),
                types,
                (int) number(lookup, REFUSALS_PER_MINUTE, DEFAULT_REFUSALS_PER_MINUTE),
                byType,
                security(lookup),
                changes(lookup));
    }

    private static Changes changes(Function<String, Optional<String>> lookup) {
        int maxOpen = count(lookup, CHANGES_MAX_OPEN, 0);
        return new Changes(
                count(lookup, CHANGES_MAX_PER_CALLER, DEFAULT_CHANGES_MAX_PER_CALLER),
                maxOpen == 0 ? Changes.sizedFor(Runtime.getRuntime().maxMemory()) : maxOpen,
                count(lookup, CHANGES_HEARTBEAT, DEFAULT_CHANGES_HEARTBEAT),
                count(lookup, CHANGES_STALL, DEFAULT_CHANGES_STALL),
                count(lookup, CHANGES_MAX_LIFETIME, DEFAULT_CHANGES_MAX_LIFETIME),
                Optional.ofNullable(text(lookup, CHANGES_RELAY_DATA_SOURCE)).orElse(DEFAULT_CHANGES_RELAY_DATA_SOURCE));
    }

    private static Security security(Function<String, Optional<String>> lookup) {
        String publicKey = text(lookup, PUBLIC_KEY);
        String location = text(lookup, PUBLIC_KEY_LOCATION);
        String modeName = text(lookup, SECURITY_MODE);
        SecurityMode mode;
        if (modeName == null) {
            mode = publicKey != null || location != null ? SecurityMode.TOKEN : SecurityMode.TRUST;
        } else {
            try {
                mode = SecurityMode.valueOf(modeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        SECURITY_MODE + " must be token, container or trust, found '" + modeName + "'");
            }
        }
        String zoneClaim = Optional.ofNullable(text(lookup, ZONE_CLAIM)).orElse(DEFAULT_ZONE_CLAIM);
        Map<String, String> claims = new ConcurrentHashMap<>();
        Function<String, String> zoneClaims = type -> claims.computeIfAbsent(
                type,
                t -> Optional.ofNullable(text(lookup, TYPE_PREFIX + t + ".zone-claim"))
                        .orElse(zoneClaim));
        String algorithm =
                Optional.ofNullable(text(lookup, PUBLIC_KEY_ALGORITHM)).orElse(DEFAULT_ALGORITHM);
        if (!List.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512").contains(algorithm)) {
            throw new IllegalArgumentException(PUBLIC_KEY_ALGORITHM
                    + " must be RS256 or ES256 (or their 384 and 512 forms), found '" + algorithm + "'");
        }
        String audiences = text(lookup, AUDIENCES);
        String origins = text(lookup, ALLOWED_ORIGINS);
        return new Security(
                mode,
                zoneClaims,
                Optional.ofNullable(text(lookup, GLOBAL_WRITER_ROLE)).orElse(DEFAULT_GLOBAL_WRITER_ROLE),
                Optional.ofNullable(text(lookup, ADMIN_ROLE)).orElse(DEFAULT_ADMIN_ROLE),
                bool(lookup, ALLOW_REMOTE_TRUST),
                publicKey,
                location,
                algorithm,
                text(lookup, ISSUER),
                list(audiences),
                (int) number(lookup, CLOCK_SKEW, DEFAULT_CLOCK_SKEW),
                list(origins),
                keySetRefresh(number(lookup, KEY_SET_REFRESH, DEFAULT_KEY_SET_REFRESH)));
    }

    private static int keySetRefresh(long seconds) {
        if (seconds < 1 || seconds > MAX_KEY_SET_REFRESH) {
            throw new IllegalArgumentException(
                    KEY_SET_REFRESH + " must be from 1 to " + MAX_KEY_SET_REFRESH + " seconds, found " + seconds);
        }
        return (int) seconds;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null
                ? List.of()
                : List.of(commaSeparated.split(",")).stream()
                        .map(String::trim)
                        .filter(a -> !a.isEmpty())
                        .toList();
    }

    private static String text(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static boolean bool(Function<String, Optional<String>> lookup, String key) {
        String value = text(lookup, key);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(key + " must be true or false, found '" + value + "'");
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

    /** @return a whole number that fits an int, checked before it is narrowed to one */
    private static int count(Function<String, Optional<String>> lookup, String key, int fallback) {
        long value = number(lookup, key, fallback);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    key + " must be at least 0 and at most " + Integer.MAX_VALUE + ", found " + value);
        }
        return (int) value;
    }

    private static void positive(String key, long value) {
        if (value < 1 || value > Integer.MAX_VALUE && !key.equals(MAX_PUSH_BYTES)) {
            throw new IllegalArgumentException(
                    key + " must be at least 1 and at most " + Integer.MAX_VALUE + ", found " + value);
        }
    }
}
