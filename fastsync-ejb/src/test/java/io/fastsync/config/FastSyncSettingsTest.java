package io.fastsync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FastSyncSettingsTest {

    @Test
    void defaults() {
        FastSyncSettings s = FastSyncSettings.defaults();
        assertEquals(1000, s.pageSize());
        assertEquals(10_000, s.maxPushObjects());
        assertEquals(16L * 1024 * 1024, s.maxPushBytes());
        assertEquals(24, s.receiptRetentionHours());
        assertEquals(List.of("Item"), s.types());
        assertEquals(20, s.refusalsLoggedPerMinute());
    }

    @Test
    void valuesAreReadAndTypesTrimmed() {
        Map<String, String> values =
                Map.of(FastSyncSettings.PAGE_SIZE, "50", FastSyncSettings.TYPES, " Item, Note ,,Task");
        FastSyncSettings s = FastSyncSettings.read(k -> Optional.ofNullable(values.get(k)));
        assertEquals(50, s.pageSize());
        assertEquals(List.of("Item", "Note", "Task"), s.types());
    }

    @Test
    void invalidValueNamesItsKey() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FastSyncSettings.read(
                        k -> k.equals(FastSyncSettings.PAGE_SIZE) ? Optional.of("many") : Optional.empty()));
        assertEquals("fastsync.pull.page-size must be a whole number, found 'many'", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> FastSyncSettings.read(
                        k -> k.equals(FastSyncSettings.PAGE_SIZE) ? Optional.of("0") : Optional.empty()));
    }

    @Test
    void theKeySetRefreshIsFromOneSecondToAnHour() {
        assertEquals(30, FastSyncSettings.defaults().security().keySetRefreshSeconds());
        assertEquals(
                3600,
                FastSyncSettings.read(k ->
                                k.equals(FastSyncSettings.KEY_SET_REFRESH) ? Optional.of("3600") : Optional.empty())
                        .security()
                        .keySetRefreshSeconds());
        for (String wrong : List.of("0", "3601", "4294967326")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> FastSyncSettings.read(
                            k -> k.equals(FastSyncSettings.KEY_SET_REFRESH) ? Optional.of(wrong) : Optional.empty()));
            assertEquals(
                    "fastsync.security.key-set-refresh-seconds must be from 1 to 3600 seconds, found " + wrong,
                    e.getMessage());
        }
    }
}
