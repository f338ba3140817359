package io.fastsync.repository;

import io.fastsync.entity.SyncableObject;
import io.fastsync.internal.version.VersionCounters;
import io.fastsync.registry.SyncTypeRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Where the application's repositories come from: {@code @Inject SyncableRepository<Item> items}
 * for every registered entity class, or {@link #repository} for a type by name.
 */
@ApplicationScoped
public class SyncableRepositories {

    private final SyncTypeRegistry registry;
    private final VersionCounters counters;

    /** For the container's proxy. */
    protected SyncableRepositories() {
        this(null, null);
    }

    @Inject
    public SyncableRepositories(SyncTypeRegistry registry, VersionCounters counters) {
        this.registry = registry;
        this.counters = counters;
    }

    /** @return the repository of an entity class registered under its simple name */
    @SuppressWarnings("unchecked")
    public <T extends SyncableObject> SyncableRepository<T> repository(Class<T> entityClass) {
        return (SyncableRepository<T>) repository(entityClass.getSimpleName());
    }

    /**
     * @return the repository of a registered type
     * @throws io.fastsync.error.UnknownTypeException if no type has this name
     */
    public SyncableRepository<?> repository(String typeName) {
        return new SyncableRepository<>(registry.require(typeName, null), counters);
    }

    @Produces
    @Dependent
    <T> SyncableRepository<T> produce(InjectionPoint injectionPoint) {
        Type type = injectionPoint.getType();
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> valueClass) {
            @SuppressWarnings("unchecked")
            SyncableRepository<T> repository = (SyncableRepository<T>) repository(valueClass.getSimpleName());
            return repository;
        }
        throw new IllegalStateException(
                "inject SyncableRepository<E> with a concrete entity class E at " + injectionPoint.getMember());
    }
}
