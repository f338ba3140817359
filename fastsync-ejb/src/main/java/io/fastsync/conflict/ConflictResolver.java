package io.fastsync.conflict;

/**
 * Decides a conflict. An application supplies one for the predefined-rules strategy, as a CDI
 * bean or a function.
 *
 * @param <T> the type's value class
 */
@FunctionalInterface
public interface ConflictResolver<T> {

    /**
     * @return the copy to keep: {@code conflict.serverCopy()}, {@code conflict.clientCopy()}, or a
     *         new value of the application's making (its id and zone are set by FastSync); never null
     */
    T resolve(Conflict<T> conflict);
}
