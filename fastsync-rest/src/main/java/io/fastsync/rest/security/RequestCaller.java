package io.fastsync.rest.security;

import io.fastsync.zone.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;

/** The caller of the current request, as {@link Authentication} established it. */
@RequestScoped
public class RequestCaller {

    private Caller caller;
    private Instant acceptedUntil;

    void set(Caller caller) {
        set(caller, null);
    }

    void set(Caller caller, Instant acceptedUntil) {
        this.caller = caller;
        this.acceptedUntil = acceptedUntil;
    }

    /** @return the last instant the request's credentials are accepted (a token's expiry); empty when they do not expire */
    public Optional<Instant> acceptedUntil() {
        return Optional.ofNullable(acceptedUntil);
    }

    /**
     * @return the caller
     * @throws IllegalStateException if no authentication ran for this request (a resource outside the FastSync endpoints)
     */
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no FastSync authentication ran for this request");
        }
        return caller;
    }
}
