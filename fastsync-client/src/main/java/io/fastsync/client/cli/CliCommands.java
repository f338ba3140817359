package io.fastsync.client.cli;

import io.fastsync.client.ResetMode;
import io.fastsync.client.SyncManager;
import io.fastsync.client.SyncOptions;
import io.fastsync.client.SyncReport;
import io.fastsync.client.pull.PullReport;
import io.fastsync.client.push.PushReport;
import io.fastsync.client.store.LocalStore;
import io.fastsync.client.store.PendingPush;
import io.fastsync.client.store.StoreTransaction;
import io.fastsync.client.store.TypeState;
import io.fastsync.client.transport.ChangeEvents;
import io.fastsync.client.transport.SyncTransport;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** The tool's commands on an open store: {@link FastSyncCommand} calls one of them. */
final class CliCommands {

    private final FastSyncCommand a;
    private final LocalStore store;
    private final PrintStream out;
    private final SyncManager manager;
    private final SyncTransport transport;
    private final ProgressBar progress;

    CliCommands(FastSyncCommand options, LocalStore store) {
        this.a = options;
        this.store = store;
        this.out = options.out;
        this.progress = options.progress;
        SyncOptions syncOptions =
                SyncOptions.DEFAULTS.withPullListener(progress).withPullLimit(a.limit());
        this.transport = CliTransport.create(a);
        this.manager = new SyncManager(transport, store, syncOptions);
        manager.addListener(progress);
    }

    void add(String type, String json) {
        out.println(documents(type).add(json(json)));
    }

    void update(String type, String id, String json) {
        out.println(documents(type).update(withId(id, json(json))));
    }

    void list(String type) {
        documents(type).getAll().forEach(out::println);
    }

    void pull(List<String> types) {
        out.println(describe(manager.pull(syncedTypes(types))));
    }

    void push(List<String> types) {
        out.println(describe(manager.push(syncedTypes(types))));
    }

    void sync(List<String> types) {
        out.println(describe(manager.sync(syncedTypes(types))));
    }

    void reset(boolean discard, List<String> types) {
        out.println(describe(manager.hardReset(
                discard ? ResetMode.DISCARD_PENDING : ResetMode.KEEP_AND_PUSH_PENDING, syncedTypes(types))));
    }

    void importFile(String type, Path file) {
        importFile(documents(type), file);
    }

    /**
     * Adds every object of a file (a JSON array, or one JSON object per line) to the store, then
     * pushes them; the push goes in batches of the client's batch size.
     */
    private void importFile(SyncableRepository<JsonObject> documents, Path file) {
        List<JsonObject> objects = ImportFile.read(file);
        int done = 0;
        for (JsonObject o : objects) {
            documents.add(o);
            done++;
            progress.counted("imported", done, objects.size());
        }
        progress.endLine();
        out.println("imported " + objects.size() + " objects into "
                + documents.type().name());
        out.println(describe(manager.push(documents.type().name())));
    }

    /**
     * Stays subscribed to the type's zone and pulls each change as the server tells of it,
     * for {@code seconds} if more than 0, else until stopped. It prints each object a pull
     * changes, the first pull's included, as {@link ChangePrinter} does, and the first pull's
     * count on stderr; if {@code quiet}, a line per pull with its count instead. A stream that
     * ends (the server's {@code closing}, whatever its reason, or a cut) is opened again
     * with the cursors the store holds, after a random part of the window
     * {@link ChangeEvents#reconnectWindow} gives, so that the server tells at once of every
     * change committed meanwhile; a stream that cannot be opened again (unreachable, or a token
     * refused) ends the command with its error.
     */
    void watch(String type, long seconds, boolean quiet) {
        SyncableRepository<JsonObject> documents = documents(type);
        if (!quiet) {
            manager.addListener(new ChangePrinter(documents, out));
        }
        PullReport first = manager.pull(type);
        (quiet ? out : a.err).println(describe(first));
        out.flush();
        long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "fastsync-watch-timer");
                    t.setDaemon(true);
                    return t;
                });
        try {
            while (true) {
                ChangeEvents.Event closing = null;
                try (ChangeEvents events = transport.changes(manager.subscriptionCursors())) {
                    if (seconds > 0) {
                        timer.schedule(
                                () -> {
                                    over.set(true);
                                    events.close();
                                },
                                Math.max(0, deadline - System.nanoTime()),
                                java.util.concurrent.TimeUnit.NANOSECONDS);
                    }
                    ChangeEvents.Event event;
                    while ((event = events.next()) != null) {
                        if ("changed".equals(event.name())) {
                            PullReport pulled = manager.pull(type);
                            if (quiet) {
                                out.println(java.time.LocalTime.now().withNano(0) + " " + type + " " + event.zone()
                                        + " at version " + event.version() + ": " + describe(pulled));
                                out.flush();
                            }
                        } else if ("closing".equals(event.name())) {
                            closing = event;
                            break;
                        }
                    }
                }
                long wait = java.util.concurrent.ThreadLocalRandom.current()
                        .nextLong(ChangeEvents.reconnectWindow(closing).toMillis() + 1);
                if (over.get() || (seconds > 0 && deadline - System.nanoTime() <= wait * 1_000_000L)) {
                    return;
                }
                Thread.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
        }
    }

    private SyncableRepository<JsonObject> documents(String type) {
        String zone = a.zone();
        if (zone == null) {
            TypeState known = store.transact(tx -> tx.typeState(type));
            if (known == null) {
                throw new UsageException("--zone is needed: this store has not seen type " + type + " yet");
            }
            zone = known.zone();
        }
        return manager.registerDocument(type, Zone.GLOBAL.name().equals(zone) ? Zone.GLOBAL : Zone.restricted(zone));
    }

    /** @return the types named on the command line, or else every type the store knows, registered */
    private String[] syncedTypes(List<String> named) {
        List<String> names = named.isEmpty()
                ? store.transact(StoreTransaction::typeStates).stream()
                        .map(TypeState::type)
                        .toList()
                : named;
        if (names.isEmpty()) {
            throw new UsageException("this store knows no type yet: name one, as in '" + a.command() + " Item'");
        }
        names.forEach(this::documents);
        return names.toArray(String[]::new);
    }

    void delete(String type, String id) {
        SyncableRepository<JsonObject> repository = documents(type);
        if (!repository.remove(id)) {
            throw new NoSuchElementException(repository.type().name() + " " + id + " does not exist");
        }
        out.println("deleted " + repository.type().name() + " " + id);
    }

    void status() {
        for (TypeState t : store.transact(StoreTransaction::typeStates)) {
            long pending = store.transact(tx -> tx.pendingCount(t.type()));
            long objects = store.transact(
                    tx -> tx.all(t.type()).stream().filter(o -> !o.deleted()).count());
            out.println(t.type() + ": zone " + t.zone() + ", cursor " + t.cursor() + ", " + objects + " objects, "
                    + pending + " pending");
        }
        PendingPush unanswered = store.transact(StoreTransaction::pendingPush);
        if (unanswered != null) {
            out.println("an unanswered push (key " + unanswered.request().idempotencyKey()
                    + ") is sent again first on the next push");
        }
    }

    private static JsonObject json(String text) {
        try {
            return WireJson.parseObject(text);
        } catch (jakarta.json.JsonException e) {
            throw new UsageException("not a JSON object: " + text);
        }
    }

    private static JsonObject withId(String id, JsonObject fields) {
        if (fields.containsKey("id") && !WireJson.string(id).equals(fields.get("id"))) {
            throw new UsageException("the JSON's \"id\" differs from the ID argument " + id);
        }
        return WireJson.objectBuilder(fields).add("id", id).build();
    }

    static String describe(PullReport r) {
        return "pulled " + count(r.objects(), "object") + " (" + count(r.pages(), "page") + ")";
    }

    static String describe(PushReport r) {
        if (r.requests() == 0) {
            return "nothing to push";
        }
        StringBuilder text = new StringBuilder("pushed ")
                .append(count(r.objects(), "object"))
                .append(": ")
                .append(r.count(PushOutcome.APPLIED))
                .append(" applied, ")
                .append(r.count(PushOutcome.UNCHANGED))
                .append(" unchanged, ")
                .append(count(r.count(PushOutcome.RESOLVED), "conflict"));
        Map<ConflictWinner, Long> winners = r.results().values().stream()
                .flatMap(List::stream)
                .filter(o -> o.outcome() == PushOutcome.RESOLVED && o.winner() != null)
                .collect(Collectors.groupingBy(
                        ObjectResult::winner, () -> new EnumMap<>(ConflictWinner.class), Collectors.counting()));
        if (!winners.isEmpty()) {
            text.append(" (")
                    .append(winners.entrySet().stream()
                            .map(w -> WINNER.get(w.getKey()) + " " + w.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(")");
        }
        return text.toString();
    }

    private static final Map<ConflictWinner, String> WINNER = Map.of(
            ConflictWinner.CLIENT,
            "this copy won",
            ConflictWinner.SERVER,
            "the server's copy won",
            ConflictWinner.MERGED,
            "merged");

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String describe(SyncReport r) {
        return describe(r.pulled()) + "; " + describe(r.pushed())
                + (r.pulledAgain() == null ? "" : "; then " + describe(r.pulledAgain()));
    }
}
