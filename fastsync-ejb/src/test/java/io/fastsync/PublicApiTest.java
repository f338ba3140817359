package io.fastsync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What fastsync-ejb makes public is a decision written down in {@code public-api.txt}, never an accident. */
class PublicApiTest {

    private static final List<String> REASONS = List.of("api", "boundary", "container");

    @Test
    void everyPublicTypeOutsideInternalIsListedWithItsReason() throws Exception {
        assertEquals(listed(), publicTypes(), "public types of fastsync-ejb outside io.fastsync.internal");
    }

    private static Set<String> listed() throws IOException {
        try (InputStream in = PublicApiTest.class.getResourceAsStream("/public-api.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> {
                        String[] parts = line.split(" ");
                        if (parts.length != 2 || !REASONS.contains(parts[1])) {
                            throw new AssertionError("public-api.txt: '" + line + "' is not '<type> " + REASONS + "'");
                        }
                        return parts[0];
                    })
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> publicTypes() throws IOException, URISyntaxException {
        Path classes = Path.of(SyncManager.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .filter(name -> !name.startsWith("io.fastsync.internal.") && !name.endsWith("package-info"))
                    .filter(PublicApiTest::isPublic)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, PublicApiTest.class.getClassLoader())
                    .getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className, e);
        }
    }
}
