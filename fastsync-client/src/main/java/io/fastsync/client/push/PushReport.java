package io.fastsync.client.push;

import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.ObjectResult;
import io.fastsync.wire.PushOutcome;
import io.fastsync.wire.PushResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link Pusher#push} did.
 *
 * @param results  per type, the server's result for each object sent; never null
 * @param requests how many push requests were sent (an unanswered earlier one counts)
 * @param replayed true if an answer was a replay of an earlier application of the same push
 */
public record PushReport(Map<String, List<ObjectResult>> results, int requests, boolean replayed) {

    /** Nothing was pending. */
    public static final PushReport NONE = new PushReport(Map.of(), 0, false);

    PushReport plus(PushResponse answer) {
        Map<String, List<ObjectResult>> all = new LinkedHashMap<>();
        results.forEach((type, list) -> all.put(type, new ArrayList<>(list)));
        answer.results()
                .forEach((type, list) ->
                        all.computeIfAbsent(type, t -> new ArrayList<>()).addAll(list));
        return new PushReport(all, requests + 1, replayed || answer.replayed());
    }

    /** @return how many objects the server answered for */
    public int objects() {
        return results.values().stream().mapToInt(List::size).sum();
    }

    /** @return how many results had this outcome */
    public long count(PushOutcome outcome) {
        return results.values().stream()
                .flatMap(List::stream)
                .filter(r -> r.outcome() == outcome)
                .count();
    }

    /** @return true if a conflict kept the server's copy or a merge, which only a pull brings */
    public boolean serverCopiesWon() {
        return results.values().stream()
                .flatMap(List::stream)
                .anyMatch(r -> r.outcome() == PushOutcome.RESOLVED && r.winner() != ConflictWinner.CLIENT);
    }

    /** @return true if a pull right away would bring something this push made necessary */
    public boolean needsPull() {
        return serverCopiesWon() || replayed;
    }
}
