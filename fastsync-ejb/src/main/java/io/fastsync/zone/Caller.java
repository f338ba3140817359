package io.fastsync.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a request comes from, as the zone rules see it: a name, the claims of the caller's token (a
 * claim may hold several values) and the groups (roles) it belongs to. The standalone server builds
 * one from a token it verified; an embedding application's container principal becomes one
 * through {@link ContainerCallers}.
 *
 * @param name   the caller's name ({@code sub}); null for an anonymous caller
 * @param claims every claim by name, each as its string values
 * @param groups the caller's groups
 */
public record Caller(String name, Map<String, List<String>> claims, Set<String> groups) {

    /** A caller who proved nothing. */
    public static final Caller ANONYMOUS = new Caller(null, Map.of(), Set.of());

    public Caller {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        claims.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        claims = Map.copyOf(copy);
        groups = Set.copyOf(groups);
    }

    /** @return a named caller with these claims; {@code sub} is the name unless the claims say otherwise */
    public static Caller named(
            String name, Map<String, ? extends Collection<String>> claims, Collection<String> groups) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("sub", List.of(name));
        claims.forEach((k, v) -> all.put(k, new ArrayList<>(v)));
        return new Caller(name, all, Set.copyOf(groups));
    }

    /** @return true unless anonymous */
    public boolean authenticated() {
        return name != null;
    }

    /** @return the values of a claim; empty when the caller has none */
    public List<String> claim(String claimName) {
        return claims.getOrDefault(claimName, List.of());
    }

    /** @return true if the caller is in this group */
    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    @Override
    public String toString() {
        return authenticated() ? "caller " + name : "anonymous caller";
    }
}
