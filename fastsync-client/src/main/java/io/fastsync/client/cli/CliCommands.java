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
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** Runs one command of the tool against an open store. */
final class CliCommands {

    private final CliArguments a;
    private final LocalStore store;
    private final PrintStream out;
    private final SyncManager manager;

    CliCommands(CliArguments arguments, LocalStore store, PrintStream out, ProgressBar progress) {
        this.a = arguments;
        this.store = store;
        this.out = out;
        SyncOptions options = SyncOptions.DEFAULTS.withPullListener(progress).withPullLimit(a.limit());
        this.manager = new SyncManager(CliTransport.create(a), store, options);
    }

    void run() {
        switch (a.command()) {
            case "add" -> out.println(documents(a.operand(0, "a TYPE")).add(json(a.operand(1, "a JSON object"))));
            case "update" ->
                out.println(documents(a.operand(0, "a TYPE"))
                        .update(withId(a.operand(1, "an ID"), json(a.operand(2, "a JSON object")))));
            case "delete" -> delete(documents(a.operand(0, "a TYPE")), a.operand(1, "an ID"));
            case "list" -> documents(a.operand(0, "a TYPE")).getAll().forEach(out::println);
            case "status" -> status();
            case "pull" -> out.println(describe(manager.pull(syncedTypes())));
            case "push" -> out.println(describe(manager.push(syncedTypes())));
            case "sync" -> out.println(describe(manager.sync(syncedTypes())));
            case "reset" ->
                out.println(describe(manager.hardReset(
                        a.discard() ? ResetMode.DISCARD_PENDING : ResetMode.KEEP_AND_PUSH_PENDING, syncedTypes())));
            default -> throw new UsageException("unknown command '" + a.command() + "'");
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
    private String[] syncedTypes() {
        List<String> names = a.operands().isEmpty()
                ? store.transact(StoreTransaction::typeStates).stream()
                        .map(TypeState::type)
                        .toList()
                : a.operands();
        if (names.isEmpty()) {
            throw new UsageException("this store knows no type yet: name one, as in '" + a.command() + " Item'");
        }
        names.forEach(this::documents);
        return names.toArray(String[]::new);
    }

    private void delete(SyncableRepository<JsonObject> repository, String id) {
        if (!repository.remove(id)) {
            throw new NoSuchElementException(repository.type().name() + " " + id + " does not exist");
        }
        out.println("deleted " + repository.type().name() + " " + id);
    }

    private void status() {
        for (TypeState t : store.transact(StoreTransaction::typeStates)) {
            long pending = store.transact(tx -> tx.pending(t.type()).size());
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
