package io.fastsync.client.cli;

import io.fastsync.client.transport.BearerTokens;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.transport.HttpTransportSettings;
import io.fastsync.client.transport.SyncTransport;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** The tool's transport from its options; without {@code --server}, one that says it is needed. */
final class CliTransport {

    private CliTransport() {}

    static SyncTransport create(FastSyncCommand a) {
        return create(a, a.environmentToken);
    }

    /**
     * {@code --token @FILE}: the token is read from the file before each request, so that whatever
     * renews the file (an identity agent) renews the token of a long {@code watch}.
     */
    static BearerTokens fromFile(java.nio.file.Path file) {
        return refresh -> {
            try {
                String token = java.nio.file.Files.readString(file).strip();
                return token.isEmpty() ? null : token;
            } catch (java.io.IOException e) {
                throw new UsageException("--token @" + file + ": the file cannot be read (" + e.getMessage() + ")");
            }
        };
    }

    /** @param environmentToken {@code FASTSYNC_TOKEN}, used when {@code --token} is not given; may be null */
    static SyncTransport create(FastSyncCommand a, String environmentToken) {
        if (a.server() == null) {
            return new SyncTransport() {
                @Override
                public PullResponse pull(PullRequest request) {
                    throw new UsageException("--server URL is needed for " + a.command());
                }

                @Override
                public PushResponse push(PushRequest request) {
                    throw new UsageException("--server URL is needed for " + a.command());
                }
            };
        }
        HttpTransportSettings settings;
        try {
            settings = HttpSyncTransport.to(new URI(a.server()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException("--server needs an http:// or https:// URL, found '" + a.server() + "'");
        }
        for (var header : a.headerPairs()) {
            settings.header(header.getKey(), header.getValue());
        }
        String token = a.token() != null ? a.token() : environmentToken;
        if (token != null && token.strip().startsWith("@")) {
            settings.tokens(fromFile(java.nio.file.Path.of(token.strip().substring(1))));
        } else if (token != null && !token.isBlank()) {
            settings.tokens(BearerTokens.fixed(token.strip()));
        }
        if (a.timeoutSeconds() != null) {
            settings.requestTimeout(Duration.ofSeconds(a.timeoutSeconds()));
        }
        return settings.build();
    }
}
