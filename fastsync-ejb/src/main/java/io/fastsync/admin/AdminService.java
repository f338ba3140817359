package io.fastsync.admin;

import io.fastsync.internal.FastSyncUnit;
import io.fastsync.internal.version.VersionCounter;
import io.fastsync.registry.RegisteredType;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.SyncObject;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an operator may ask of the engine: the types it serves, how big each zone is, and one
 * object as it is stored. Reads only. Who may ask is the caller's business (the REST edge's
 * admin API checks the admin role).
 */
@Stateless
public class AdminService {

    /** The most zones one answer lists. */
    public static final int MAX_ZONES = 1000;

    @Inject
    SyncTypeRegistry registry;

    @Inject
    @FastSyncUnit
    EntityManager em;

    /** A served type and its settings. */
    public record TypeInfo(String name, SyncZoneRestriction zones, String conflicts) {}

    /**
     * One zone of a type.
     *
     * @param lastVersion the last version the zone handed out
     * @param objects     its objects that are not deleted
     * @param tombstones  its deleted objects, kept so that clients learn of the deletes
     */
    public record ZoneInfo(String zone, long lastVersion, long objects, long tombstones) {}

    /**
     * Zones in name order.
     *
     * @param next the zone to list after for the next page; null when this is the last
     */
    public record ZonePage(List<ZoneInfo> zones, String next) {}

    /** @return every served type, in registration order */
    public List<TypeInfo> types() {
        List<TypeInfo> types = new ArrayList<>();
        for (String name : registry.names()) {
            RegisteredType<?> type = registry.require(name, "");
            types.add(new TypeInfo(
                    name, type.zoneRestriction(), type.conflicts().strategy().configName()));
        }
        return types;
    }

    /**
     * The zones of a type that have handed out a version, in name order, after {@code after}.
     *
     * @param after the last zone of the previous page; null for the first
     * @param limit at most this many, capped at {@link #MAX_ZONES}
     * @throws io.fastsync.error.UnknownTypeException if the type is not served
     */
    public ZonePage zones(String typeName, String after, int limit) {
        RegisteredType<?> type = registry.require(typeName, "");
        int size = Math.max(1, Math.min(limit, MAX_ZONES));
        List<VersionCounter> counters = em.createQuery(
                        "SELECT c FROM VersionCounter c WHERE c.typeName = :type AND c.syncZone > :after"
                                + " ORDER BY c.syncZone",
                        VersionCounter.class)
                .setParameter("type", typeName)
                .setParameter("after", after == null ? "" : after)
                .setMaxResults(size + 1)
                .getResultList();
        SyncStore<?> store = type.store();
        List<ZoneInfo> zones = new ArrayList<>();
        for (VersionCounter c : counters.subList(0, Math.min(size, counters.size()))) {
            zones.add(new ZoneInfo(
                    c.getSyncZone(),
                    c.getLastVersion(),
                    store.count(c.getSyncZone()),
                    store.tombstones(c.getSyncZone())));
        }
        String next = counters.size() > size ? zones.get(zones.size() - 1).zone() : null;
        return new ZonePage(zones, next);
    }

    /**
     * @param zone the object's zone; ignored for a global type
     * @return the object as a pull would send it, tombstone or not; empty if there is none
     */
    public Optional<SyncObject> object(String typeName, String zone, String id) {
        RegisteredType<?> type = registry.require(typeName, "");
        return object(
                type,
                type.zoneRestriction() == SyncZoneRestriction.GLOBAL ? SyncZoneRestriction.GLOBAL_ZONE : zone,
                id);
    }

    private static <T> Optional<SyncObject> object(RegisteredType<T> type, String zone, String id) {
        T value = type.store().findByIds(zone, List.of(id)).get(id);
        if (value == null || !type.store().values().meta(value).zone().equals(zone)) {
            return Optional.empty();
        }
        return Optional.of(type.store().values().toWire(value, type.name()));
    }
}
