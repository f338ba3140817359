package io.fastsync.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that keep released databases upgradable. */
class SchemaTest {

    /** Released databases recorded step 1 as done: changing its text would never reach them. */
    @Test
    void stepOneIsExactlyWhatReleasedDatabasesWereCreatedWith() throws IOException {
        try (InputStream released = SchemaTest.class.getResourceAsStream("/schema/released-step-1.sql")) {
            List<String> statements = new String(released.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertEquals(statements, Schema.STEPS.get(0).statements(Schema.Database.OTHER));
        }
    }

    @Test
    void stepsAreNumberedOneByOneAndTheLastIsLatest() {
        for (int i = 0; i < Schema.STEPS.size(); i++) {
            assertEquals(i + 1, Schema.STEPS.get(i).version());
        }
        assertEquals(Schema.STEPS.size(), Schema.latest());
    }

    /** An operator upgrading reads in the changelog what each step does to the database. */
    @Test
    void theChangelogListsEveryStep() throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "CHANGELOG.md"));
        for (Schema.Step step : Schema.STEPS) {
            String line = step.version() + ". " + step.description();
            assertTrue(lines.contains(line), "CHANGELOG.md lacks \"" + line + "\"");
        }
    }
}
