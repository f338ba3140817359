package io.fastsync.conflict;

import java.util.Objects;

/**
 * A type's conflict strategy and the resolver that carries it out.
 *
 * @param <T> the type's value class
 */
public final class ConflictsHandler<T> {

    private final ConflictStrategy strategy;
    private final ConflictResolver<T> resolver;

    private ConflictsHandler(ConflictStrategy strategy, ConflictResolver<T> resolver) {
        this.strategy = strategy;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The copy arriving now wins. */
    public static <T> ConflictsHandler<T> lastWriterWins() {
        return new ConflictsHandler<>(ConflictStrategy.LAST_WRITER_WINS, new LastWriterWinsResolver<>());
    }

    /** The copy with the later normalised timestamp wins; the server's on a tie. */
    public static <T> ConflictsHandler<T> timestampOrdering() {
        return new ConflictsHandler<>(ConflictStrategy.TIMESTAMP_ORDERING, new TimestampOrderingResolver<>());
    }

    /** The application's resolver decides. */
    public static <T> ConflictsHandler<T> predefinedRules(ConflictResolver<T> resolver) {
        return new ConflictsHandler<>(ConflictStrategy.PREDEFINED_RULES, resolver);
    }

    public ConflictStrategy strategy() {
        return strategy;
    }

    /**
     * @return the copy to keep; never null
     * @throws IllegalStateException if an application resolver returned null
     */
    public T resolve(Conflict<T> conflict) {
        T kept = resolver.resolve(conflict);
        if (kept == null) {
            throw new IllegalStateException("the conflict resolver of type " + conflict.typeName()
                    + " returned null for object " + conflict.objectId());
        }
        return kept;
    }
}
