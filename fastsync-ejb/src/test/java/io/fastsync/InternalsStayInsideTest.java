package io.fastsync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code io.fastsync.internal} is the engine's own: no other module's code imports it, and no
 * application's {@code persistence.xml} names one of its classes (FastSync's entities come in
 * through {@code META-INF/fastsync-orm.xml}).
 */
class InternalsStayInsideTest {

    private static final Path ROOT = Path.of("..");

    private static List<String> offending(String fileName, String text) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().endsWith(fileName))
                    .filter(p -> !p.normalize()
                            .startsWith(ROOT.resolve("fastsync-ejb").normalize()))
                    .filter(p ->
                            !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .filter(p -> contains(p, text))
                    .map(p -> ROOT.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noOtherModuleImportsTheEnginesInternals() throws IOException {
        assertEquals(List.of(), offending(".java", "import io.fastsync.internal"));
    }

    @Test
    void noPersistenceUnitOutsideTheEngineNamesAnInternalClass() throws IOException {
        assertEquals(List.of(), offending("persistence.xml", "<class>io.fastsync.internal"));
    }
}
