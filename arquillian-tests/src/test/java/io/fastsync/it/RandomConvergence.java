package io.fastsync.it;

import io.fastsync.client.SyncManager;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import io.fastsync.testsupport.http.ServerView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Several clients of one zone make random adds, edits and deletes while offline and sync in a
 * random order, under both conflict strategies (Item: last-writer-wins; Task:
 * timestamp-ordering). After everyone syncs twice, every client, a fresh client and the server
 * must hold the same objects. Everything random comes from one seed; a failure reports the seed
 * and every operation, and {@code -Dfastsync.seed=<seed>} replays the run.
 */
final class RandomConvergence {

    static final List<String> TYPES = List.of("Item", "Task");
    private static final String[] WORDS = {"milk", "bread", "tea", "rice", "salt", "plum", "kale", "oats"};

    private final long seed;
    private final Random random;
    private final String zone;
    private final Supplier<SyncManager> newClient;
    private final List<SyncManager> clients = new ArrayList<>();
    private final List<Map<String, SyncableRepository<JsonObject>>> repos = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Set<String> added = new TreeSet<>();
    private final Set<String> removed = new TreeSet<>();
    private final String idPrefix;
    private int nextId;

    RandomConvergence(long seed, String zone, int clientCount, Supplier<SyncManager> newClient) {
        this.seed = seed;
        this.random = new Random(seed);
        this.zone = zone;
        this.newClient = newClient;
        // An id names one object of a type in one zone for good, so each run has ids of its own.
        this.idPrefix =
                Long.toString(seed & 0xffffffffL, 36) + "-" + Long.toString(System.nanoTime() & 0xffffff, 36) + "-";
        for (int i = 0; i < clientCount; i++) {
            SyncManager client = newClient.get();
            clients.add(client);
            repos.add(register(client));
        }
    }

    private Map<String, SyncableRepository<JsonObject>> register(SyncManager client) {
        Map<String, SyncableRepository<JsonObject>> byType = new LinkedHashMap<>();
        for (String type : TYPES) {
            byType.put(type, client.registerDocument(type, Zone.restricted(zone)));
        }
        return byType;
    }

    /** Runs the rounds, the final syncs and the checks; any failure names the seed and the operations. */
    void runAndCheck(URI server, int rounds) {
        try {
            for (int round = 1; round <= rounds; round++) {
                for (int c = 0; c < clients.size(); c++) {
                    int edits = random.nextInt(5);
                    for (int e = 0; e < edits; e++) {
                        edit(round, c);
                    }
                }
                for (int c : shuffledClients()) {
                    if (random.nextInt(10) < 7) {
                        exchange(round, c);
                    }
                }
            }
            for (int pass = 1; pass <= 2; pass++) {
                for (int c : shuffledClients()) {
                    log.add("final " + pass + " c" + c + " sync");
                    clients.get(c).sync();
                }
            }
            check(server);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    "random convergence failed with seed " + seed + " (replay: -Dfastsync.seed=" + seed + "): "
                            + e.getMessage() + "\noperations:\n  " + String.join("\n  ", log),
                    e);
        }
    }

    private List<Integer> shuffledClients() {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            order.add(c);
        }
        Collections.shuffle(order, random);
        return order;
    }

    private void edit(int round, int c) {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        SyncableRepository<JsonObject> repo = repos.get(c).get(type);
        List<String> ids =
                repo.getAll().stream().map(o -> o.getString("id")).sorted().toList();
        int dice = random.nextInt(10);
        if (ids.isEmpty() || dice < 4) {
            JsonObject doc = document(idPrefix + "c" + c + "-" + nextId++);
            log.add("r" + round + " c" + c + " " + type + " add " + doc);
            repo.add(doc);
            added.add(type + "/" + doc.getString("id"));
        } else if (dice < 8) {
            JsonObject doc = document(ids.get(random.nextInt(ids.size())));
            log.add("r" + round + " c" + c + " " + type + " update " + doc);
            repo.update(doc);
        } else {
            String id = ids.get(random.nextInt(ids.size()));
            log.add("r" + round + " c" + c + " " + type + " remove " + id);
            repo.remove(id);
            removed.add(type + "/" + id);
        }
    }

    private JsonObject document(String id) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("name", WORDS[random.nextInt(WORDS.length)])
                .add("n", random.nextInt(1000))
                .build();
    }

    private void exchange(int round, int c) {
        int dice = random.nextInt(10);
        String what = dice < 6 ? "sync" : dice < 8 ? "push" : "pull";
        log.add("r" + round + " c" + c + " " + what);
        SyncManager client = clients.get(c);
        switch (what) {
            case "sync" -> client.sync();
            case "push" -> client.push();
            default -> client.pull();
        }
    }

    private void check(URI server) {
        SyncManager fresh = newClient.get();
        Map<String, SyncableRepository<JsonObject>> freshRepos = register(fresh);
        fresh.pull();
        for (String type : TYPES) {
            Map<String, JsonObject> onServer =
                    ServerView.read(server, type, zone).live();
            // Nothing lost, nothing invented: every object added and never removed is there, and
            // every object there was added (a removal may lose a conflict to an edit).
            for (String key : added) {
                String id = key.substring(key.indexOf('/') + 1);
                boolean ofType = key.startsWith(type + "/");
                if (ofType && !removed.contains(key) && !onServer.containsKey(id)) {
                    throw new AssertionError(key + " was added and never removed, but the server does not hold it");
                }
            }
            for (String id : onServer.keySet()) {
                if (!added.contains(type + "/" + id)) {
                    throw new AssertionError("the server holds " + type + "/" + id + ", which no client added");
                }
            }
            expectSame(type + " on a fresh client", onServer, freshRepos.get(type));
            for (int c = 0; c < clients.size(); c++) {
                SyncableRepository<JsonObject> repo = repos.get(c).get(type);
                expectSame(type + " on client c" + c, onServer, repo);
                if (repo.pendingCount() != 0) {
                    throw new AssertionError(
                            type + " on client c" + c + " still has " + repo.pendingCount() + " pending");
                }
            }
        }
    }

    private static void expectSame(String what, Map<String, JsonObject> expected, SyncableRepository<JsonObject> repo) {
        Map<String, JsonObject> actual = new TreeMap<>();
        repo.getAll().forEach(o -> actual.put(o.getString("id"), o));
        if (!actual.equals(expected)) {
            throw new AssertionError(what + " differs from the server:\n    server: " + expected.values()
                    + "\n    client: " + actual.values());
        }
    }
}
