package io.fastsync.zone;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of a principal the container authenticated. An MP JWT principal brings every
 * claim of its token and its groups; any other principal is its name as {@code sub}, and the
 * groups the container confirms among those asked about.
 */
public final class ContainerCallers {

    private static final boolean JWT_API = present("org.eclipse.microprofile.jwt.JsonWebToken");

    private ContainerCallers() {}

    /**
     * @param principal the container's caller principal; null when unauthenticated
     * @param inGroup   the container's role check
     * @param groups    the groups worth asking about (the global writers' group)
     */
    public static Caller of(Principal principal, Predicate<String> inGroup, Collection<String> groups) {
        if (principal == null || principal.getName() == null || isAnonymous(principal.getName())) {
            return Caller.ANONYMOUS;
        }
        if (JWT_API && principal instanceof JsonWebToken) {
            return Jwt.caller(principal);
        }
        return Caller.named(
                principal.getName(), Map.of(), groups.stream().filter(inGroup).toList());
    }

    /**
     * The caller of an EJB call, as its container knows it, asked about the global writers' and the
     * administrators' groups.
     */
    public static Caller of(jakarta.ejb.SessionContext context, io.fastsync.config.FastSyncSettings.Security security) {
        return of(
                context.getCallerPrincipal(),
                context::isCallerInRole,
                List.of(security.globalWriterRole(), security.adminRole()));
    }

    /** The name Payara and WildFly give an unauthenticated EJB caller. */
    private static boolean isAnonymous(String name) {
        return name.equalsIgnoreCase("ANONYMOUS");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ContainerCallers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that nothing loads the MP JWT API where the server has none. */
    private static final class Jwt {
        static Caller caller(Principal principal) {
            JsonWebToken token = (JsonWebToken) principal;
            Map<String, List<String>> claims = new LinkedHashMap<>();
            for (String name : token.getClaimNames()) {
                List<String> values = values(token.getClaim(name));
                if (!values.isEmpty()) {
                    claims.put(name, values);
                }
            }
            String name = token.getSubject() != null ? token.getSubject() : token.getName();
            return Caller.named(name, claims, token.getGroups() == null ? Set.of() : token.getGroups());
        }

        private static List<String> values(Object claim) {
            List<String> values = new ArrayList<>();
            if (claim instanceof Collection<?> many) {
                many.forEach(v -> values.add(unquoted(v)));
            } else if (claim instanceof jakarta.json.JsonArray array) {
                array.forEach(v -> values.add(unquoted(v)));
            } else if (claim != null) {
                values.add(unquoted(claim));
            }
            return values;
        }

        private static String unquoted(Object value) {
            return value instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(value);
        }
    }
}
