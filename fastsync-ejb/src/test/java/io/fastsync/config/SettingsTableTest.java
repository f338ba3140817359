package io.fastsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.config.FastSyncSettings.Setting;
import io.fastsync.zone.SyncZoneRestriction;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every place that lists settings says what {@link FastSyncSettings#ALL} says. */
class SettingsTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]*)` \\| (.*) \\|$");
    private static final Path ROOT = Path.of("..");

    private static Map<String, String> catalogue(String typeName) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Setting s : FastSyncSettings.ALL) {
            all.put(s.key().replace("<Name>", typeName), s.defaultValue());
        }
        return all;
    }

    @Test
    void theConfigurationTableIsTheCatalogue() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/configuration.md"));
        int header = lines.indexOf("| key | default | meaning |");
        assertTrue(header > 0, "docs/configuration.md has a configuration table");
        List<Setting> documented = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            assertTrue(m.find(), "not a row of key, default and meaning: " + lines.get(i));
            documented.add(new Setting(m.group(1), m.group(2), m.group(3)));
        }
        assertEquals(FastSyncSettings.ALL, documented);
    }

    @Test
    void configFastsyncPropertiesHoldsEveryKeyWithItsDefault() throws IOException {
        Map<String, String> file = read(ROOT.resolve("config/fastsync.properties"));
        assertEquals(catalogue("Item"), file);
    }

    @Test
    void theStandaloneServersBundledDefaultsAreTheCataloguesDefaults() throws IOException {
        Map<String, String> bundled =
                read(ROOT.resolve("fastsync-standalone/src/main/resources/META-INF/microprofile-config.properties"));
        Map<String, String> catalogue = catalogue("Item");
        assertTrue(
                bundled.keySet()
                        .containsAll(List.of(
                                "fastsync.types",
                                "fastsync.data.dir",
                                "fastsync.db.url",
                                "fastsync.db.user",
                                "fastsync.db.password")),
                bundled.keySet().toString());
        bundled.forEach((key, value) -> assertEquals(catalogue.get(key), value, key));
    }

    @Test
    void theRecordsDefaultsAreTheCataloguesDefaults() {
        FastSyncSettings defaults = FastSyncSettings.defaults();
        Map<String, String> catalogue = catalogue("Item");
        assertEquals(catalogue.get(FastSyncSettings.PAGE_SIZE), String.valueOf(defaults.pageSize()));
        assertEquals(catalogue.get(FastSyncSettings.MAX_PUSH_OBJECTS), String.valueOf(defaults.maxPushObjects()));
        assertEquals(catalogue.get(FastSyncSettings.MAX_PUSH_BYTES), String.valueOf(defaults.maxPushBytes()));
        assertEquals(catalogue.get(FastSyncSettings.RETENTION_HOURS), String.valueOf(defaults.receiptRetentionHours()));
        assertEquals(
                catalogue.get(FastSyncSettings.REFUSALS_PER_MINUTE),
                String.valueOf(defaults.refusalsLoggedPerMinute()));
        assertEquals(catalogue.get(FastSyncSettings.TYPES), String.join(",", defaults.types()));
        assertEquals(SyncZoneRestriction.RESTRICTED, defaults.type("Item").zones());
        assertEquals(
                catalogue.get("fastsync.type.Item.conflicts"),
                defaults.type("Item").conflicts());
    }

    @Test
    void perTypeSettingsAreReadForEachServedType() {
        Map<String, String> values = Map.of(
                FastSyncSettings.TYPES,
                "Item,Board,Note",
                "fastsync.type.Board.zone",
                " Global ",
                "fastsync.type.Note.conflicts",
                "timestamp-ordering");
        FastSyncSettings s = FastSyncSettings.read(k -> Optional.ofNullable(values.get(k)));
        assertEquals(SyncZoneRestriction.GLOBAL, s.type("Board").zones());
        assertEquals("timestamp-ordering", s.type("Note").conflicts());
        assertEquals(
                new FastSyncSettings.TypeSettings(SyncZoneRestriction.RESTRICTED, "last-writer-wins"), s.type("Item"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> FastSyncSettings.read(
                        k -> k.equals("fastsync.type.Item.zone") ? Optional.of("everyone") : Optional.empty()));
        assertEquals("fastsync.type.Item.zone must be restricted or global, found 'everyone'", e.getMessage());
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        // In the file's order: Properties does not keep it, the lines do.
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                String key = line.substring(0, eq).trim();
                ordered.put(key, p.getProperty(key));
            }
        }
        return ordered;
    }
}
