package io.fastsync.rest.admin;

import io.fastsync.conflict.ConflictSettled;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last {@value #KEPT} refusals and conflicts this server instance saw, newest first, for the
 * admin API. Kept in memory only: a restart forgets them, and each instance keeps its own.
 */
@ApplicationScoped
public class RecentEvents {

    /** How many of each are kept. */
    public static final int KEPT = 100;

    /** A refused request: what the refusal log wrote, as data. */
    public record Refusal(
            Instant at, String method, String path, String client, int status, String code, String detail) {}

    /** A conflict a push met, and how the type's strategy settled it. */
    public record Conflict(
            Instant at, String type, String zone, String id, String strategy, String winner, long version) {}

    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private final Deque<Conflict> conflicts = new ArrayDeque<>();

    public void refused(String method, String path, String client, Problem problem) {
        String detail = problem.detail() == null ? "" : problem.detail();
        add(
                refusals,
                new Refusal(
                        Instant.now(),
                        method,
                        cut(path, 200),
                        client,
                        problem.status(),
                        problem.code(),
                        cut(detail, 300)));
    }

    /** A conflict a push settled, once the push has committed. */
    void settled(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConflictSettled settled) {
        conflict(settled.type(), settled.zone(), settled.result());
    }

    public void conflict(String type, String zone, ObjectResult result) {
        add(
                conflicts,
                new Conflict(
                        Instant.now(),
                        type,
                        zone,
                        result.id(),
                        result.strategy(),
                        result.winner() == null ? null : result.winner().wireName(),
                        result.version()));
    }

    public List<Refusal> refusals() {
        synchronized (refusals) {
            return new ArrayList<>(refusals);
        }
    }

    public List<Conflict> conflicts() {
        synchronized (conflicts) {
            return new ArrayList<>(conflicts);
        }
    }

    private static <E> void add(Deque<E> events, E event) {
        synchronized (events) {
            events.addFirst(event);
            if (events.size() > KEPT) {
                events.removeLast();
            }
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
