package io.fastsync.client.transport;

/**
 * Where the transport gets the bearer token it sends as {@code Authorization: Bearer <token>}:
 * asked before each request (each change stream's connection included), and once more after the
 * server refused a token ({@code 401}), so that an expired token can be replaced. A second
 * {@code 401} for the same request is final. After the server ended a change stream because its
 * token expired, a supplier that gives that token again is asked at once for a fresh one.
 */
@FunctionalInterface
public interface BearerTokens {

    /**
     * @param refresh true when the server has just refused the token given before, or said it
     *                expired: get a new one (from the identity provider, with a refresh token)
     *                rather than the cached one
     * @return the token, without the {@code Bearer } prefix; null to send none
     */
    String token(boolean refresh);

    /** @return tokens that are always this one (a fixed token, as the command-line tool's {@code --token}) */
    static BearerTokens fixed(String token) {
        return refresh -> token;
    }
}
