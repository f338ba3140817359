package io.fastsync.rest.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fastsync.error.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/http-api.md's error table says exactly what {@link Refusal} says: every status and code, no more, no fewer. */
class ErrorTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\| `([a-z-]+)` \\|");

    @Test
    void theErrorTableIsTheListOfRefusals() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "http-api.md"));
        int header = lines.indexOf("| status | code | when |");
        List<String> documented = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            if (!m.find()) {
                throw new AssertionError("not a row of status and code: " + lines.get(i));
            }
            documented.add(m.group(1) + " " + m.group(2));
        }
        List<String> known = Arrays.stream(Refusal.values())
                .map(r -> r.status() + " " + r.code())
                .toList();
        assertEquals(known, documented, "docs/http-api.md's error table, in the order of Refusal");
    }
}
