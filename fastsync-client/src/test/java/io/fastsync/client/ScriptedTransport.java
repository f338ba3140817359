package io.fastsync.client;

import io.fastsync.client.transport.SyncTransport;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.SyncPayload;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A transport double that records every request and answers from a script, one step per call.
 * A pull with no scripted answer gets an empty last page; a push with none fails the test.
 */
public final class ScriptedTransport implements SyncTransport {

    public final List<PullRequest> pulls = new ArrayList<>();
    public final List<PushRequest> pushes = new ArrayList<>();
    private final Deque<Function<PullRequest, PullResponse>> pullScript = new ArrayDeque<>();
    private final Deque<Function<PushRequest, PushResponse>> pushScript = new ArrayDeque<>();

    public ScriptedTransport thenPull(PullResponse page) {
        pullScript.add(request -> page);
        return this;
    }

    public ScriptedTransport thenPull(Function<PullRequest, PullResponse> step) {
        pullScript.add(step);
        return this;
    }

    /** The step may answer, throw (a failure), or block (a push in flight). */
    public ScriptedTransport thenPush(Function<PushRequest, PushResponse> step) {
        pushScript.add(step);
        return this;
    }

    public ScriptedTransport thenFailPush(RuntimeException failure) {
        return thenPush(request -> {
            throw failure;
        });
    }

    @Override
    public synchronized PullResponse pull(PullRequest request) {
        pulls.add(request);
        Function<PullRequest, PullResponse> step = pullScript.poll();
        return step == null ? new PullResponse(new SyncPayload(Map.of(), Map.of()), false) : step.apply(request);
    }

    @Override
    public PushResponse push(PushRequest request) {
        Function<PushRequest, PushResponse> step;
        synchronized (this) {
            pushes.add(request);
            step = pushScript.poll();
        }
        if (step == null) {
            throw new AssertionError("unexpected push: " + Wire.body(request));
        }
        return step.apply(request); // outside the lock, so that a blocking step blocks only its caller
    }

    public PushRequest lastPush() {
        return pushes.get(pushes.size() - 1);
    }
}
