package io.fastsync.push;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.InvalidRequestException;
import io.fastsync.error.PushTooLargeException;
import io.fastsync.registry.RegisteredType;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.store.InvalidFieldsException;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.Numbers;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import io.fastsync.wire.WireJson;
import io.fastsync.zone.Caller;
import io.fastsync.zone.SyncZoneRestriction;
import io.fastsync.zone.ZoneAccess;
import io.fastsync.zone.ZoneAuthority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a push before anything is locked or written: size, types, zones and who may write
 * them, and each object's fields. The first offence is refused with its place in the body.
 */
@Dependent
class PushValidator {

    private final SyncTypeRegistry registry;
    private final ZoneAuthority zones;
    private final FastSyncSettings settings;

    @Inject
    PushValidator(SyncTypeRegistry registry, ZoneAuthority zones, FastSyncSettings settings) {
        this.registry = registry;
        this.zones = zones;
        this.settings = settings;
    }

    /** @param caller who asks; never null, {@link Caller#ANONYMOUS} where nobody is known */
    ValidatedPush validate(PushRequest request, Caller caller) {
        int total =
                request.payload().data().values().stream().mapToInt(List::size).sum();
        if (total > settings.maxPushObjects()) {
            throw new PushTooLargeException(
                    null,
                    null,
                    "/data",
                    "the push holds " + total + " objects; at most " + settings.maxPushObjects()
                            + " are accepted in one push");
        }
        List<TypeBatch<?>> batches = new ArrayList<>();
        for (Map.Entry<String, List<SyncObject>> entry :
                request.payload().data().entrySet()) {
            String pointer = "/data/" + WireJson.escape(entry.getKey());
            RegisteredType<?> type = registry.require(entry.getKey(), pointer);
            batches.add(batch(
                    type,
                    entry.getValue(),
                    request.payload().metadata().get(type.name()),
                    pointer,
                    caller,
                    request.idempotencyKey() == null));
        }
        String key = request.idempotencyKey();
        return new ValidatedPush(batches, key, receiptKey(key, caller), key == null ? null : hash(request));
    }

    private <T> TypeBatch<T> batch(
            RegisteredType<T> type,
            List<SyncObject> objects,
            SyncMetadata typeMetadata,
            String pointer,
            Caller caller,
            boolean keyless) {
        String requested = typeMetadata == null ? null : typeMetadata.syncZone();
        if (requested == null && !objects.isEmpty()) {
            // Some clients leave the per-type metadata out; their objects still name the zone.
            requested = objects.get(0).metadata().syncZone();
        }
        String zone = zones.admit(
                caller,
                type,
                requested,
                ZoneAccess.WRITE,
                "/operationMetadata/metadata/" + WireJson.escape(type.name()) + "/syncZone");
        long now = Numbers.micros(Instant.now());
        Set<String> seen = new HashSet<>();
        List<IncomingObject<T>> incoming = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            SyncObject object = objects.get(i);
            String at = pointer + "/" + i;
            if (!seen.add(object.id())) {
                throw new InvalidRequestException(
                        type.name(), object.id(), at + "/id", "object " + object.id() + " appears twice in one push");
            }
            String objectZone = object.metadata().syncZone();
            if (type.zoneRestriction() == SyncZoneRestriction.RESTRICTED
                    && objectZone != null
                    && !objectZone.equals(zone)) {
                throw new InvalidRequestException(
                        type.name(),
                        object.id(),
                        at + "/metadata/syncZone",
                        "the object names zone '" + objectZone + "' but the push is for zone '" + zone + "'");
            }
            incoming.add(decode(type, object, zone, at, now, keyless));
        }
        return new TypeBatch<>(type, zone, incoming);
    }

    private static <T> IncomingObject<T> decode(
            RegisteredType<T> type, SyncObject object, String zone, String at, long now, boolean keyless) {
        SyncStore<T> store = type.store();
        T value;
        try {
            value = store.values().fromWire(object, zone);
        } catch (InvalidFieldsException e) {
            throw new InvalidRequestException(type.name(), object.id(), at, e.getMessage());
        }
        SyncOperation op = object.metadata().syncOperation();
        boolean deleted = op == SyncOperation.DELETE || object.deleted();
        long timestamp = object.metadata().timestamp() > 0 ? object.metadata().timestamp() : now;
        store.values().stamp(value, 0, timestamp, op, deleted);
        return new IncomingObject<>(
                at,
                object.id(),
                value,
                object.metadata(),
                op,
                timestamp,
                deleted,
                keyless ? digest(type.name(), zone, object) : null);
    }

    /**
     * @return SHA-256, hex, of the type, the zone and the object as sent: its id, fields and
     *     metadata, whose id old clients make afresh each time they save the object, so that two
     *     edits never share a digest and a retry always does
     */
    static String digest(String type, String zone, SyncObject object) {
        String text = WireJson.text(out -> MessageWriter.writeObject(object, out));
        String z = String.valueOf(zone);
        return sha256(type.length() + ":" + type + ":" + z.length() + ":" + z + ":" + text);
    }

    /** @return SHA-256 of the request without its key, hex */
    static String hash(PushRequest request) {
        return sha256(WireJson.text(out -> MessageWriter.writePush(new PushRequest(request.payload(), null), out)));
    }

    /**
     * The key a push's receipt is stored under: the client's key itself for an anonymous caller (as
     * every receipt was before identities), and for a known caller a hash of the caller and the
     * key, so that one caller's keys never meet another's: nobody learns that a key is in use.
     */
    static String receiptKey(String key, Caller caller) {
        if (key == null || !caller.authenticated()) {
            return key;
        }
        return "caller:" + sha256(caller.name().length() + ":" + caller.name() + ":" + key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
