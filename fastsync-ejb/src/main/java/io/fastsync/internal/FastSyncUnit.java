package io.fastsync.internal;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The entity manager of the persistence unit {@code fastsync}, in the caller's transaction:
 * {@code @Inject @FastSyncUnit EntityManager em}. Qualified, so that it never stands in the way
 * of an application's own entity managers.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface FastSyncUnit {}
