package io.fastsync.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class MetricsTest {

    /** A recorder of nothing, told apart from others by identity only. */
    private static SyncMetrics recorder() {
        return (SyncMetrics) Proxy.newProxyInstance(
                SyncMetrics.class.getClassLoader(),
                new Class<?>[] {SyncMetrics.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> null;
                });
    }

    @Test
    void metricsOfferedWhereTheEngineSeesNoneAreUsedFromThen() {
        Metrics engine = new Metrics();
        assertSame(SyncMetrics.NONE, engine.get());
        SyncMetrics offered = recorder();
        assertTrue(engine.offer(offered));
        assertSame(offered, engine.get());
        assertTrue(engine.offer(offered), "offered again, by a second module of the same deployment");
        assertFalse(engine.offer(recorder()), "the first offer stays");
        assertSame(offered, engine.get());
    }

    @Test
    void metricsTheEngineSeesWinOverAnOffer() {
        SyncMetrics own = recorder();
        Metrics engine = Metrics.of(own);
        assertFalse(engine.offer(recorder()));
        assertSame(own, engine.get());
    }
}
