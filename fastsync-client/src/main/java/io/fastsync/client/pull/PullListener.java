package io.fastsync.client.pull;

/** Told after each page of a pull is stored; called on the thread that pulls. */
@FunctionalInterface
public interface PullListener {

    /** A listener that does nothing. */
    PullListener NONE = progress -> {};

    /** @param progress never null */
    void pageApplied(PullProgress progress);
}
