package io.fastsync.rest.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a FastSync resource: {@link Authentication} runs before each of its methods, and before
 * nothing else, so that an application that embeds the endpoints keeps its own resources as they
 * are. Every FastSync resource carries it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SyncEndpoint {}
