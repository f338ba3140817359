package io.fastsync.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients at once: each has its own zone and loops for the duration, pushing a small batch
 * (new objects and edits of its earlier ones, with the versions the server gave it as bases) and
 * pulling from its cursor until the server has nothing more.
 */
final class Load {

    /** What the clients saw. */
    record Result(
            int clients,
            double seconds,
            long requests,
            long objectsPushed,
            long objectsPulled,
            long[] pushNanos,
            long[] pullNanos,
            long errors,
            List<String> firstErrors) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    static Result run(Http http, int clients, double seconds, int batch) throws InterruptedException {
        ConcurrentLinkedQueue<Long> pushes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> pulls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong errorCount = new AtomicLong();
        AtomicLong pushed = new AtomicLong();
        AtomicLong pulled = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(
                    () -> {
                        String zone = "load-" + client;
                        String prefix = "load" + client;
                        List<Long> versions = new ArrayList<>();
                        long cursor = 0;
                        int revision = 0;
                        ready.countDown();
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        while (System.nanoTime() < window[1]) {
                            try {
                                revision++;
                                List<Objects.Change> changes = new ArrayList<>(batch);
                                for (int i = 0; i < Math.min(batch / 2, versions.size()); i++) {
                                    int n = (int) ((revision * 7919L + i * 104729L) % versions.size());
                                    if (changes.stream().noneMatch(x -> x.n() == n)) {
                                        changes.add(new Objects.Change(n, revision, versions.get(n), false));
                                    }
                                }
                                int next = versions.size();
                                while (changes.size() < batch) {
                                    changes.add(new Objects.Change(next++, revision, 0, false));
                                }
                                String body =
                                        Objects.pushBody(zone, prefix, changes, System.currentTimeMillis() * 1000);
                                long start = System.nanoTime();
                                Http.Answer answer = http.post(
                                                "push", body, UUID.randomUUID().toString())
                                        .ok("push");
                                pushes.add(System.nanoTime() - start);
                                long[] assigned = answer.numbersAfter("\"version\":", changes.size());
                                for (int i = 0; i < changes.size(); i++) {
                                    int n = changes.get(i).n();
                                    if (n < versions.size()) {
                                        versions.set(n, assigned[i]);
                                    } else {
                                        versions.add(assigned[i]);
                                    }
                                }
                                pushed.addAndGet(changes.size());
                                boolean more = true;
                                while (more) {
                                    start = System.nanoTime();
                                    Http.Answer page = http.pull(zone, cursor, 1000);
                                    pulls.add(System.nanoTime() - start);
                                    pulled.addAndGet(page.count("\"metadataId\""));
                                    cursor = page.cursorOr(cursor);
                                    more = page.hasMore();
                                }
                            } catch (Exception e) {
                                if (errorCount.incrementAndGet() <= 5) {
                                    errors.add(zone + ": " + e);
                                }
                            }
                        }
                    },
                    "client-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = JdbcLimit.seconds(window[0]);
        return new Result(
                clients,
                elapsed,
                pushes.size() + pulls.size(),
                pushed.get(),
                pulled.get(),
                sorted(pushes),
                sorted(pulls),
                errorCount.get(),
                new ArrayList<>(errors));
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        List<Long> list = new ArrayList<>(values);
        Collections.sort(list);
        return list.stream().mapToLong(Long::longValue).toArray();
    }
}
