package io.fastsync.rest.security;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.LocalOnlyException;
import io.fastsync.error.UnauthenticatedException;
import io.fastsync.zone.Caller;
import io.fastsync.zone.ContainerCallers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Establishes who each request to a FastSync endpoint comes from, before anything else looks at
 * it, as {@code fastsync.security.mode} says: in {@code token} mode from its verified bearer token,
 * in {@code container} mode from the principal the container authenticated, in {@code trust} mode
 * nobody, and then only requests from this machine are served (unless
 * {@code fastsync.security.allow-remote-trust}). A request that proves nothing it must is refused
 * here, {@code 401} or {@code 403}, before its body is read.
 */
@Provider
@SyncEndpoint
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {

    @Inject
    FastSyncSettings settings;

    @Inject
    RequestCaller requestCaller;

    /**
     * The current request (the client's address, in trust mode), as JAX-RS injects it: CDI's
     * built-in bean is not there when {@link io.fastsync.rest.BodyReading} hands the request on
     * from an asynchronous dispatch.
     */
    @Context
    HttpServletRequest servletRequest;

    @Inject
    TokenVerification tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        if (BrowserRequests.isPreflight(request)) {
            // A browser's preflight carries no credentials; it is answered with no data.
            requestCaller.set(Caller.ANONYMOUS);
            return;
        }
        FastSyncSettings.Security security = settings.security();
        if (security.mode() == FastSyncSettings.SecurityMode.TOKEN) {
            TokenVerifier.Verified token = tokens.verifier().check(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            requestCaller.set(token.caller(), token.acceptedUntil());
            return;
        }
        Caller caller = switch (security.mode()) {
            case TOKEN -> throw new IllegalStateException("verified above");
            case CONTAINER -> fromContainer(request.getSecurityContext(), security);
            case TRUST -> {
                if (!security.allowRemoteTrust() && !fromThisMachine(servletRequest.getRemoteAddr())) {
                    throw new LocalOnlyException(
                            "this server trusts the zones named in requests, so it serves its own machine only;"
                                    + " its operator configures token verification to serve others");
                }
                yield Caller.ANONYMOUS;
            }
        };
        requestCaller.set(caller);
    }

    private static Caller fromContainer(SecurityContext context, FastSyncSettings.Security security) {
        Caller caller = ContainerCallers.of(
                context.getUserPrincipal(),
                context::isUserInRole,
                List.of(security.globalWriterRole(), security.adminRole()));
        if (!caller.authenticated()) {
            throw new UnauthenticatedException("the application authenticated no caller for this request");
        }
        return caller;
    }

    /** @param address the client's IP address as the container reports it (a literal: nothing is looked up) */
    public static boolean fromThisMachine(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
