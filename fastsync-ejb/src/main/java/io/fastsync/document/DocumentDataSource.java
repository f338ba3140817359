package io.fastsync.document;

import io.fastsync.store.IdChunks;
import io.fastsync.store.SyncStore;
import io.fastsync.store.SyncValues;
import io.fastsync.store.ZoneVersions;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Storage of one document type in the shared table {@code fastsync_document}. */
public class DocumentDataSource implements SyncStore<SyncDocument> {

    private final String typeName;
    private final EntityManager em;
    private final DocumentValues values;

    /**
     * @param em an entity manager of the persistence unit {@code fastsync}, used in the caller's transaction
     */
    public DocumentDataSource(String typeName, EntityManager em) {
        this.typeName = typeName;
        this.values = new DocumentValues(typeName);
        this.em = em;
    }

    @Override
    public SyncValues<SyncDocument> values() {
        return values;
    }

    @Override
    public Map<String, SyncDocument> findByIds(String zone, Collection<String> ids) {
        Map<String, SyncDocument> found = new HashMap<>();
        IdChunks.forEach(ids, chunk -> {
            for (SyncDocument d : query(
                            "SELECT d FROM SyncDocument d WHERE d.typeName = :type AND d.syncZone = :zone AND d.id IN :ids")
                    .setParameter("zone", zone)
                    .setParameter("ids", chunk)
                    .getResultList()) {
                found.put(d.getId(), d);
            }
        });
        return found;
    }

    @Override
    public void insert(SyncDocument d) {
        em.persist(d);
    }

    @Override
    public SyncDocument replace(SyncDocument incoming) {
        return em.merge(incoming);
    }

    @Override
    public List<SyncDocument> changesSince(String zone, long after, int limit) {
        List<SyncDocument> changes = em.createNamedQuery(SyncDocument.CHANGES_SINCE, SyncDocument.class)
                .setParameter("type", typeName)
                .setParameter("zone", zone)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        for (SyncDocument d : changes) {
            d.identify(typeName, d.getId(), zone);
        }
        return changes;
    }

    @Override
    public List<SyncDocument> all(String zone, boolean withTombstones) {
        String tombstones = withTombstones ? "" : " AND d.deleted = false";
        return query("SELECT d FROM SyncDocument d WHERE d.typeName = :type AND d.syncZone = :zone" + tombstones
                        + " ORDER BY d.syncVersion")
                .setParameter("zone", zone)
                .getResultList();
    }

    @Override
    public long count(String zone) {
        return count(zone, false);
    }

    @Override
    public long tombstones(String zone) {
        return count(zone, true);
    }

    private long count(String zone, boolean deleted) {
        return em.createQuery(
                        "SELECT COUNT(d) FROM SyncDocument d WHERE d.typeName = :type AND d.syncZone = :zone"
                                + " AND d.deleted = :deleted",
                        Long.class)
                .setParameter("type", typeName)
                .setParameter("zone", zone)
                .setParameter("deleted", deleted)
                .getSingleResult();
    }

    @Override
    public Map<String, Long> tombstonesBefore(long beforeMicros, int maxZones) {
        return ZoneVersions.of(em.createQuery(
                        "SELECT d.syncZone, MAX(d.syncVersion) FROM SyncDocument d WHERE d.typeName = :type"
                                + " AND d.deleted = true AND d.syncTimestamp < :before GROUP BY d.syncZone ORDER BY d.syncZone",
                        Object[].class)
                .setParameter("type", typeName)
                .setParameter("before", beforeMicros)
                .setMaxResults(maxZones)
                .getResultList());
    }

    @Override
    public int deleteTombstones(String zone, long beforeMicros, long throughVersion) {
        return em.createQuery("DELETE FROM SyncDocument d WHERE d.typeName = :type AND d.syncZone = :zone"
                        + " AND d.deleted = true AND d.syncTimestamp < :before AND d.syncVersion <= :through")
                .setParameter("type", typeName)
                .setParameter("zone", zone)
                .setParameter("before", beforeMicros)
                .setParameter("through", throughVersion)
                .executeUpdate();
    }

    @Override
    public void hardDelete(SyncDocument d) {
        em.remove(em.contains(d) ? d : em.merge(d));
    }

    private TypedQuery<SyncDocument> query(String jpql) {
        return em.createQuery(jpql, SyncDocument.class)
                .setParameter("type", typeName)
                .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS);
    }
}
