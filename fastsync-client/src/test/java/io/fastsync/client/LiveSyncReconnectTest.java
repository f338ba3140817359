package io.fastsync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.store.TypeState;
import io.fastsync.client.transport.BearerTokens;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.type.Zone;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live mode against a change stream on a real HTTP connection (a stub of the server on
 * 127.0.0.1): what it does when the server ends a stream, with each reason, and when the stream
 * cannot be opened again.
 */
@Timeout(60)
class LiveSyncReconnectTest {

    private static final String CHANGED_4 = "{\"type\":\"Item\",\"syncZone\":\"user-1\",\"version\":4}";

    private SseStub server;
    private final MemoryStore store = new MemoryStore();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger synced = new AtomicInteger();
    private final LiveSync.Listener listener = new LiveSync.Listener() {
        @Override
        public void synced(SyncReport report) {
            synced.incrementAndGet();
        }

        @Override
        public void failed(RuntimeException e) {
            failures.add(e);
        }
    };
    private SyncManager sync;
    private LiveSync live;

    @BeforeEach
    void start() throws Exception {
        server = new SseStub();
        server.committed.add(Wire.object("Item", "a1", 3, "{\"n\":1}"));
    }

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
        server.close();
    }

    private SyncManager client(BearerTokens tokens) {
        sync = new SyncManager(
                HttpSyncTransport.to(server.base())
                        .tokens(tokens)
                        .requestTimeout(Duration.ofSeconds(10))
                        .build(),
                store);
        sync.registerDocument("Item", Zone.restricted("user-1"));
        return sync;
    }

    /** The first stream: {@code ready}, then {@code closing} with this data once the latch opens. */
    private void firstStreamClosesWith(String data, CountDownLatch when) {
        server.thenStream(stream -> {
            stream.send("ready", "{\"types\":1}");
            when.await();
            stream.send("closing", data);
        });
    }

    /** The next stream: {@code ready}, then {@code changed} of version 4 once the latch opens, and open. */
    private void nextStreamAnnouncesVersion4(CountDownLatch when) {
        server.thenStream(stream -> {
            stream.send("ready", "{\"types\":1}");
            when.await();
            stream.send("changed", CHANGED_4).hold();
        });
    }

    /** Once the client caught up to version 3 on its first stream. */
    private void awaitFirstSyncAndStream() throws InterruptedException {
        await(
                () -> synced.get() >= 1
                        && cursor() == 3
                        && server.acceptedStreams().size() == 1,
                "first sync and stream");
    }

    /** Commits a2 at version 4, lets the stream announce it, and waits for the client to hold it. */
    private void commitAndAnnounceVersion4(CountDownLatch announce) throws InterruptedException {
        server.committed.add(Wire.object("Item", "a2", 4, "{\"n\":2}"));
        announce.countDown();
        await(() -> store.transact(tx -> tx.find("Item", "a2")).isPresent(), "a2, announced on the new stream, synced");
        assertEquals(4, cursor());
    }

    @ParameterizedTest(name = "closing {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"reason\":\"token-expired\"} | 1",
                "{\"reason\":\"lifetime\"}      | 1",
                "{\"reason\":\"too-slow\"}      | 5",
                "{\"reason\":\"shutdown\"}      | 5",
                "{}                             | 5",
                "{\"reason\":\"moved\"}         | 5",
            })
    void aClosedStreamIsOpenedAgainWithTheSuppliersTokenAndTheStoresCursorsAfterAWaitWithinItsWindow(
            String closing, long windowSeconds) throws Exception {
        AtomicReference<String> token = new AtomicReference<>("first");
        List<Duration> windows = new CopyOnWriteArrayList<>();
        CountDownLatch close = new CountDownLatch(1);
        CountDownLatch announce = new CountDownLatch(1);
        firstStreamClosesWith(closing, close);
        nextStreamAnnouncesVersion4(announce);

        live = client(refresh -> token.get()).startLive(listener, window -> {
            windows.add(window);
            return 0;
        });
        awaitFirstSyncAndStream();
        assertEquals("Bearer first", server.streams.get(0).authorization());
        int syncsBefore = synced.get();
        token.set("second"); // the application's token source renewed it meanwhile
        close.countDown();

        await(() -> server.acceptedStreams().size() == 2 && synced.get() > syncsBefore, "reopened stream and a sync");
        SseStub.Request reopened = server.streams.get(1);
        assertEquals("Bearer second", reopened.authorization(), "the supplier is asked for the new connection");
        assertEquals(3, reopened.itemCursor(), "the new stream starts from the cursor the store holds");
        assertEquals(List.of(Duration.ofSeconds(windowSeconds)), windows);
        commitAndAnnounceVersion4(announce);
        assertEquals(List.of(), failures, "an ended stream is not a failure");
        assertEquals(2, server.streams.size());
    }

    @Test
    void afterTokenExpiredTheStreamIsOpenedAgainWithAFreshTokenRatherThanTheExpiredOne() throws Exception {
        AtomicInteger issued = new AtomicInteger(1);
        AtomicReference<String> cached = new AtomicReference<>("t1");
        List<Boolean> asked = new CopyOnWriteArrayList<>();
        CountDownLatch close = new CountDownLatch(1);
        CountDownLatch announce = new CountDownLatch(1);
        firstStreamClosesWith("{\"reason\":\"token-expired\"}", close);
        nextStreamAnnouncesVersion4(announce);

        live = client(refresh -> {
                    asked.add(refresh);
                    return refresh ? cached.updateAndGet(t -> "t" + issued.incrementAndGet()) : cached.get();
                })
                .startLive(listener);
        awaitFirstSyncAndStream();
        server.accepts = authorization -> !"Bearer t1".equals(authorization); // t1 expires
        close.countDown();

        await(() -> server.streams.size() >= 2, "a second stream request");
        SseStub.Request reopened = server.streams.get(1);
        assertFalse(reopened.refused(), "the stream's first request after token-expired is not refused: " + reopened);
        assertNotEquals("Bearer t1", reopened.authorization());
        assertTrue(asked.contains(true), "the supplier was asked for a fresh token: " + asked);
        commitAndAnnounceVersion4(announce);
        assertTrue(server.pulls.stream().noneMatch(SseStub.Request::refused), "no pull sent the expired token");
        assertEquals(List.of(), failures);
    }

    @Test
    void a401WhenOpeningAgainIsAFailureTriedAgainAfterTheBackOffUntilTheSupplierHasAFreshToken() throws Exception {
        AtomicReference<String> cached = new AtomicReference<>("t1");
        AtomicReference<String> identityProvider = new AtomicReference<>("t1"); // has not renewed it yet
        CountDownLatch close = new CountDownLatch(1);
        CountDownLatch announce = new CountDownLatch(1);
        firstStreamClosesWith("{\"reason\":\"token-expired\"}", close);
        nextStreamAnnouncesVersion4(announce);

        live = client(refresh -> refresh ? cached.updateAndGet(t -> identityProvider.get()) : cached.get())
                .startLive(listener);
        awaitFirstSyncAndStream();
        server.accepts = authorization -> !"Bearer t1".equals(authorization);
        close.countDown();

        await(
                () -> server.streams.stream().filter(SseStub.Request::refused).count() >= 2
                        && failures.stream()
                                .anyMatch(e -> e instanceof ServerProblemException p
                                        && p.status() == 401
                                        && p.getMessage().contains("/fastsync/changes")),
                "the refused stream reported as a failure");
        assertEquals(1, server.acceptedStreams().size());
        identityProvider.set("t2");

        await(() -> server.acceptedStreams().size() == 2, "the stream opened again with the renewed token");
        assertEquals("Bearer t2", server.acceptedStreams().get(1).authorization());
        commitAndAnnounceVersion4(announce);
    }

    @Test
    void aStreamThatEndsWithoutClosingIsOpenedAgainAfterTheBackOff() throws Exception {
        List<Duration> windows = new CopyOnWriteArrayList<>();
        CountDownLatch cut = new CountDownLatch(1);
        CountDownLatch announce = new CountDownLatch(1);
        server.thenStream(stream -> {
            stream.send("ready", "{\"types\":1}");
            cut.await();
        });
        nextStreamAnnouncesVersion4(announce);

        live = client(BearerTokens.fixed("t")).startLive(listener, window -> {
            windows.add(window);
            return 0;
        });
        awaitFirstSyncAndStream();
        int syncsBefore = synced.get();
        cut.countDown();

        await(() -> server.acceptedStreams().size() == 2 && synced.get() > syncsBefore, "reopened stream and a sync");
        assertEquals(3, server.streams.get(1).itemCursor());
        assertEquals(List.of(), windows, "a cut waits the back-off, not a closing's window");
        commitAndAnnounceVersion4(announce);
    }

    private long cursor() {
        TypeState state = store.transact(tx -> tx.typeState("Item"));
        return state == null ? -1 : state.cursor();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
