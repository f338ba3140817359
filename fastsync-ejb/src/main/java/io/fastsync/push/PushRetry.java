package io.fastsync.push;

import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import jakarta.ejb.EJBException;
import java.util.function.Function;

/**
 * The one retry rule of a push, for every entry point that runs a push in a transaction of its
 * own: a push with an idempotency key that failed in the container is tried once more, because
 * a concurrent first try with the same key may have committed its receipt first; the second try
 * finds it, under the zone locks, and answers from it. A push without a key is never retried.
 */
public final class PushRetry {

    private PushRetry() {}

    /** @param push the boundary call, each time in a new transaction */
    public static PushResponse onceIfKeyed(PushRequest request, Function<PushRequest, PushResponse> push) {
        try {
            return push.apply(request);
        } catch (EJBException e) {
            if (request.idempotencyKey() == null) {
                throw e;
            }
            return push.apply(request);
        }
    }
}
