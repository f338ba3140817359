package io.fastsync.wire.testing;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The request bodies that the original TypeScript client 1.0.4 produced, as captured (see their
 * README), for tests in every module (this module's test jar).
 */
public final class CapturedBodies {

    private static final String DIRECTORY = "/fixtures/ts-client-1.0.4/";

    private CapturedBodies() {}

    /** @return the names of the captured bodies, in the order the client sent them; where the resources are a folder */
    public static List<String> names() {
        URL readme = CapturedBodies.class.getResource(DIRECTORY + "README.md");
        try (Stream<Path> files = Files.list(Path.of(readme.toURI()).getParent())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".request.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a captured body exactly as the client wrote it (pretty-printed, see the README) */
    public static String text(String name) {
        try (InputStream in = CapturedBodies.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no captured body " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a captured body, parsed */
    public static JsonValue read(String name) {
        try (var reader = Json.createReader(new java.io.StringReader(text(name)))) {
            return reader.readValue();
        }
    }
}
