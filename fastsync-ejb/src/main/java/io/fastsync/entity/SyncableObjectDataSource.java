package io.fastsync.entity;

import io.fastsync.store.IdChunks;
import io.fastsync.store.SyncStore;
import io.fastsync.store.SyncValues;
import io.fastsync.store.ZoneVersions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JPA data access for one syncable entity class, in the persistence unit {@code fastsync}.
 *
 * <p>An application's data source is one line:
 * <pre>{@code
 * @ApplicationScoped
 * public class ItemDataSource extends SyncableObjectDataSource<Item> {}
 * }</pre>
 * and may add queries of its own through {@link #entityManager()}. The entity's own fields
 * travel as JSON through JSON binding, so whatever JSON-B can bind, clients can sync.
 *
 * @param <T> the entity class
 */
public abstract class SyncableObjectDataSource<T extends SyncableObject> implements SyncStore<T> {

    /** EclipseLink's hint for results kept out of the persistence context: no copies to compare at commit. */
    private static final String READ_ONLY = "eclipselink.read-only";

    /** Reads bypass the shared cache: another server instance may have changed the row. */
    private static final Map<String, Object> FRESH =
            Map.of("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS);

    @PersistenceContext(unitName = "fastsync")
    private EntityManager em;

    private final Class<T> entityClass;
    private final EntityValues<T> values;

    protected SyncableObjectDataSource() {
        this.entityClass = entityClassOf(getClass());
        this.values = new EntityValues<>(entityClass);
    }

    /** For a data source built by hand, outside a container. */
    protected SyncableObjectDataSource(Class<T> entityClass, EntityManager em) {
        this.entityClass = entityClass;
        this.values = new EntityValues<>(entityClass);
        this.em = em;
    }

    /** @return the entity manager of the persistence unit {@code fastsync}, for the subclass's own queries */
    protected EntityManager entityManager() {
        return em;
    }

    @Override
    public SyncValues<T> values() {
        return values;
    }

    /** @return the JPQL entity name of the class */
    protected String entityName() {
        return entityManager().getMetamodel().entity(entityClass).getName();
    }

    /** The id is the entity's primary key, so the values are looked up in every zone. */
    @Override
    public Map<String, T> findByIds(String zone, Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        String jpql = "SELECT e FROM " + entityName() + " e WHERE e.id IN :ids";
        IdChunks.forEach(ids, chunk -> {
            TypedQuery<T> query = entityManager().createQuery(jpql, entityClass);
            FRESH.forEach(query::setHint);
            for (T value : query.setParameter("ids", chunk).getResultList()) {
                found.put(value.getId(), value);
            }
        });
        return found;
    }

    @Override
    public void insert(T value) {
        entityManager().persist(value);
    }

    @Override
    public T replace(T incoming) {
        return entityManager().merge(incoming);
    }

    @Override
    public List<T> changesSince(String zone, long after, int limit) {
        TypedQuery<T> query = entityManager()
                .createQuery(
                        "SELECT e FROM " + entityName()
                                + " e WHERE e.syncZone = :zone AND e.syncVersion > :after ORDER BY e.syncVersion",
                        entityClass);
        FRESH.forEach(query::setHint);
        query.setHint(READ_ONLY, true);
        return query.setParameter("zone", zone)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<T> all(String zone, boolean withTombstones) {
        String tombstones = withTombstones ? "" : " AND e.deleted = false";
        TypedQuery<T> query = entityManager()
                .createQuery(
                        "SELECT e FROM " + entityName() + " e WHERE e.syncZone = :zone" + tombstones
                                + " ORDER BY e.syncVersion",
                        entityClass);
        FRESH.forEach(query::setHint);
        return query.setParameter("zone", zone).getResultList();
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
        return entityManager()
                .createQuery(
                        "SELECT COUNT(e) FROM " + entityName() + " e WHERE e.syncZone = :zone AND e.deleted = :deleted",
                        Long.class)
                .setParameter("zone", zone)
                .setParameter("deleted", deleted)
                .getSingleResult();
    }

    @Override
    public Map<String, Long> tombstonesBefore(long beforeMicros, int maxZones) {
        return ZoneVersions.of(entityManager()
                .createQuery(
                        "SELECT e.syncZone, MAX(e.syncVersion) FROM " + entityName() + " e WHERE e.deleted = true"
                                + " AND e.syncTimestamp < :before GROUP BY e.syncZone ORDER BY e.syncZone",
                        Object[].class)
                .setParameter("before", beforeMicros)
                .setMaxResults(maxZones)
                .getResultList());
    }

    @Override
    public int deleteTombstones(String zone, long beforeMicros, long throughVersion) {
        return entityManager()
                .createQuery("DELETE FROM " + entityName() + " e WHERE e.syncZone = :zone AND e.deleted = true"
                        + " AND e.syncTimestamp < :before AND e.syncVersion <= :through")
                .setParameter("zone", zone)
                .setParameter("before", beforeMicros)
                .setParameter("through", throughVersion)
                .executeUpdate();
    }

    @Override
    public void hardDelete(T value) {
        EntityManager manager = entityManager();
        manager.remove(manager.contains(value) ? value : manager.merge(value));
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> entityClassOf(Class<?> subclass) {
        Class<?> c = subclass;
        while (c != null && c != Object.class) {
            Type t = c.getGenericSuperclass();
            if (t instanceof ParameterizedType p
                    && p.getRawType() == SyncableObjectDataSource.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> entity) {
                return (Class<T>) entity;
            }
            c = c.getSuperclass();
        }
        // CDI proxies subclass the application's class; their superclass chain still reaches here.
        throw new IllegalStateException(
                subclass.getName() + " must extend SyncableObjectDataSource<E> with a concrete entity class E");
    }
}
