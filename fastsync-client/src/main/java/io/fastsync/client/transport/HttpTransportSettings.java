package io.fastsync.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of an {@link HttpSyncTransport}: where the server is, bearer tokens and extra headers
 * (authentication) and timeouts. Defaults: connect timeout 10 s, request timeout 60 s, no token,
 * no extra headers.
 */
public final class HttpTransportSettings {

    private final URI baseUri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private BearerTokens tokens;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);

    private HttpTransportSettings(URI baseUri) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException(
                    "the server address must start with http:// or https://, found " + baseUri);
        }
    }

    static HttpTransportSettings of(URI baseUri) {
        return new HttpTransportSettings(baseUri);
    }

    /** Adds a header sent with every call, such as {@code Authorization}; name and value never null. */
    public HttpTransportSettings header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sends a bearer token with every call, asked of {@code tokens} before each one and again after
     * a {@code 401}; see {@link BearerTokens}.
     */
    public HttpTransportSettings tokens(BearerTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        return this;
    }

    /** @param timeout how long to wait for a connection; never null */
    public HttpTransportSettings connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** @param timeout how long to wait for a whole answer, a large pull page included; never null */
    public HttpTransportSettings requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** @return a transport with these settings */
    public HttpSyncTransport build() {
        return new HttpSyncTransport(this);
    }

    URI baseUri() {
        return baseUri;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** @return null when no tokens are sent */
    BearerTokens tokens() {
        return tokens;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }
}
