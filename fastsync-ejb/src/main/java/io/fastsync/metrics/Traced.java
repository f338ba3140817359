package io.fastsync.metrics;

import java.util.function.Supplier;

/**
 * One piece of work in an operator's traces: a push or a pull, or one step of it. Begun by
 * {@link SyncMetrics#begin}, it is the current one until closed, so work begun meanwhile is part
 * of it. Its attributes say what the work was about (types, counts, the result), never a zone's
 * name or an object's data.
 */
public interface Traced extends AutoCloseable {

    /** Records nothing. */
    Traced NONE = () -> {};

    /** @param value may not be null */
    default Traced attribute(String key, String value) {
        return this;
    }

    default Traced attribute(String key, long value) {
        return this;
    }

    /** The work ended with {@code error}, which its caller sees. */
    default void failed(Throwable error) {}

    /** Ends the work. */
    @Override
    void close();

    /**
     * Runs one step of a push or a pull as a piece of work of its own, named
     * {@code fastsync.<operation>.<step>}.
     *
     * @return what the step returned
     */
    static <T> T step(SyncMetrics metrics, String name, Supplier<T> work) {
        try (Traced step = metrics.begin(name)) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                step.failed(e);
                throw e;
            }
        }
    }

    /** The same, for a step that returns nothing. */
    static void step(SyncMetrics metrics, String name, Runnable work) {
        step(metrics, name, () -> {
            work.run();
            return null;
        });
    }
}
