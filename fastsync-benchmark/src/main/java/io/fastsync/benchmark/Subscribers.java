package io.fastsync.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Change-stream subscribers ({@code GET changes}) as many as asked, read without a thread each:
 * the JDK's HttpClient hands each stream's lines to a subscriber on a small pool. Idle ones only
 * count their {@code ready}; live ones note when each {@code changed} arrives.
 */
final class Subscribers implements AutoCloseable {

    private final HttpClient client;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Lines> opened = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    Subscribers() {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .executor(pool)
                .build();
    }

    /** Opens {@code count} streams on zones {@code prefix-0...}, or all on one zone if {@code shared}; waits for each ready. */
    List<Lines> open(URI base, String prefix, int count, boolean shared) throws InterruptedException {
        List<Lines> these = new ArrayList<>();
        int batch = 250;
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            CountDownLatch ready = new CountDownLatch(to - from);
            for (int i = from; i < to; i++) {
                String zone = shared ? prefix : prefix + "-" + i;
                String metadata = "{\"" + Objects.TYPE + "\":{\"syncZone\":\"" + zone + "\",\"version\":0}}";
                Lines lines = new Lines(ready);
                these.add(lines);
                client.sendAsync(
                                HttpRequest.newBuilder(base.resolve("changes?metadata="
                                                + URLEncoder.encode(metadata, StandardCharsets.UTF_8)))
                                        .header("Accept", "text/event-stream")
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.fromLineSubscriber(lines))
                        .whenComplete((response, failed) -> {
                            if (failed != null) {
                                failures.add(failed.toString());
                                ready.countDown();
                            } else if (response.statusCode() != 200) {
                                failures.add("status " + response.statusCode());
                            }
                        });
            }
            if (!ready.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("subscribers " + from + ".." + to + " got no ready within 2 minutes"
                        + (failures.isEmpty() ? "" : "; first failure: " + failures.peek()));
            }
        }
        opened.addAll(these);
        return these;
    }

    /** @return failures so far (connections refused or broken, statuses other than 200) */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        for (Lines l : opened) {
            l.cancel();
        }
        pool.shutdownNow();
    }

    /** One stream's lines: counts ready, notes the arrival of each changed. */
    static final class Lines implements Flow.Subscriber<String> {
        private final CountDownLatch ready;
        private volatile Flow.Subscription subscription;
        private boolean readySeen;
        private boolean changedNext;
        /** When the last changed event arrived (System.nanoTime), and how many did. */
        final AtomicLong lastChangedAt = new AtomicLong();

        final AtomicLong changes = new AtomicLong();

        Lines(CountDownLatch ready) {
            this.ready = ready;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event: ready") || line.startsWith("event:ready")) {
                if (!readySeen) {
                    readySeen = true;
                    ready.countDown();
                }
            } else if (line.startsWith("event: changed") || line.startsWith("event:changed")) {
                changedNext = true;
            } else if (changedNext && line.startsWith("data:")) {
                changedNext = false;
                lastChangedAt.set(System.nanoTime());
                changes.incrementAndGet();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (!readySeen) {
                readySeen = true;
                ready.countDown();
            }
        }

        @Override
        public void onComplete() {
            if (!readySeen) {
                readySeen = true;
                ready.countDown();
            }
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
