package io.fastsync.registry;

import io.fastsync.entity.SyncableRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Makes {@code @Inject SyncableRepository<Item> items;} work for every registered entity class.
 */
@ApplicationScoped
public class RepositoryProducer {

    @Inject
    SyncTypeRegistry registry;

    @Produces
    @Dependent
    <T> SyncableRepository<T> repository(InjectionPoint injectionPoint) {
        Type type = injectionPoint.getType();
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> valueClass) {
            @SuppressWarnings("unchecked")
            SyncableRepository<T> repository = (SyncableRepository<T>) registry.repository(valueClass.getSimpleName());
            return repository;
        }
        throw new IllegalStateException("inject SyncableRepository<E> with a concrete entity class E at " + injectionPoint.getMember());
    }
}
