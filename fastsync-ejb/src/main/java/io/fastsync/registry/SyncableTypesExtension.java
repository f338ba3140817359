package io.fastsync.registry;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the classes marked {@link Syncable} while the container scans the deployment. */
public class SyncableTypesExtension implements Extension {

    private final List<Class<?>> declared = new CopyOnWriteArrayList<>();

    <T> void collect(@Observes @WithAnnotations(Syncable.class) ProcessAnnotatedType<T> event) {
        declared.add(event.getAnnotatedType().getJavaClass());
    }

    /** @return the classes marked {@link Syncable}, in the order they were scanned */
    public List<Class<?>> declared() {
        return List.copyOf(declared);
    }
}
