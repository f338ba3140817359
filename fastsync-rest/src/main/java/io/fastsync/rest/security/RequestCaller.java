package io.fastsync.rest.security;

import io.fastsync.zone.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as {@link Authentication} established it. */
@RequestScoped
public class RequestCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
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
