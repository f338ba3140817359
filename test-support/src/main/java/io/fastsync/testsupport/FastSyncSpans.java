package io.fastsync.testsupport;

import java.time.Duration;
import java.util.Set;

/** The spans FastSync leaves for a push and a pull, as {@code docs/operations.md} lists them. */
public final class FastSyncSpans {

    /** The children of {@code fastsync.push}, one per step of the push. */
    public static final Set<String> PUSH_STEPS = Set.of(
            "fastsync.push.validate",
            "fastsync.push.lock",
            "fastsync.push.detect",
            "fastsync.push.settle",
            "fastsync.push.apply",
            "fastsync.push.record");

    /** The children of {@code fastsync.pull}. */
    public static final Set<String> PULL_STEPS = Set.of(
            "fastsync.pull.read-cursors", "fastsync.pull.admit", "fastsync.pull.page", "fastsync.pull.check-floors");

    private FastSyncSpans() {}

    /** @return the span of the applied push of {@code objects} objects, once it has arrived */
    public static OtlpReceiver.Span appliedPush(OtlpReceiver receiver, int objects, Duration within) {
        return receiver.awaitSpans(
                        s -> s.name().equals("fastsync.push")
                                && String.valueOf(objects).equals(s.attributes().get("fastsync.objects"))
                                && "applied".equals(s.attributes().get("fastsync.result")),
                        1,
                        within)
                .get(0);
    }
}
