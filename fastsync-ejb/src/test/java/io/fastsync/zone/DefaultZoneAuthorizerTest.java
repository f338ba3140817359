package io.fastsync.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.config.FastSyncSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultZoneAuthorizerTest {

    private static DefaultZoneAuthorizer authorizer(Map<String, String> config) {
        return new DefaultZoneAuthorizer(FastSyncSettings.read(key -> Optional.ofNullable(config.get(key))));
    }

    private static final Map<String, String> TOKEN_MODE = Map.of(
            "mp.jwt.verify.publickey.location", "/keys/public.pem",
            "mp.jwt.verify.issuer", "https://issuer.example",
            "fastsync.type.Project.zone-claim", "tenant");

    private static final Caller ALICE = Caller.named("alice", Map.of("tenant", List.of("acme", "initech")), Set.of());
    private static final Caller WRITER = Caller.named("admin", Map.of(), Set.of("fastsync-global-writer"));

    private static ZoneRequest asks(String type, SyncZoneRestriction r, String zone, ZoneAccess access) {
        return new ZoneRequest(type, r, zone, access);
    }

    @Test
    void aKeyTurnsTokenModeOnAndZonesFollowEachTypesClaim() {
        DefaultZoneAuthorizer z = authorizer(TOKEN_MODE);
        assertFalse(z.trustsRequests());
        SyncZoneRestriction restricted = SyncZoneRestriction.RESTRICTED;
        assertTrue(z.permits(ALICE, asks("Note", restricted, "alice", ZoneAccess.WRITE)), "sub, by default");
        assertFalse(z.permits(ALICE, asks("Note", restricted, "bob", ZoneAccess.READ)));
        assertTrue(z.permits(ALICE, asks("Project", restricted, "acme", ZoneAccess.WRITE)));
        assertTrue(z.permits(ALICE, asks("Project", restricted, "initech", ZoneAccess.READ)), "one of several");
        assertFalse(z.permits(ALICE, asks("Project", restricted, "alice", ZoneAccess.READ)), "not the type's claim");
        assertFalse(z.permits(Caller.ANONYMOUS, asks("Note", restricted, "alice", ZoneAccess.READ)));
        assertEquals(Optional.of(List.of("acme", "initech")), z.zonesOf(ALICE, "Project", restricted));
    }

    @Test
    void globalTypesAreReadByEveryoneKnownAndWrittenByTheWritersGroup() {
        DefaultZoneAuthorizer z = authorizer(TOKEN_MODE);
        SyncZoneRestriction global = SyncZoneRestriction.GLOBAL;
        assertTrue(z.permits(ALICE, asks("Catalog", global, "Global", ZoneAccess.READ)));
        assertFalse(z.permits(ALICE, asks("Catalog", global, "Global", ZoneAccess.WRITE)));
        assertTrue(z.permits(WRITER, asks("Catalog", global, "Global", ZoneAccess.WRITE)));
        assertFalse(z.permits(Caller.ANONYMOUS, asks("Catalog", global, "Global", ZoneAccess.READ)));
    }

    @Test
    void withoutAKeyEveryZoneIsTrustedAndSaidSo() {
        DefaultZoneAuthorizer z = authorizer(Map.of());
        assertTrue(z.trustsRequests());
        assertTrue(z.permits(Caller.ANONYMOUS, asks("Note", SyncZoneRestriction.RESTRICTED, "x", ZoneAccess.WRITE)));
        assertEquals(Optional.empty(), z.zonesOf(ALICE, "Note", SyncZoneRestriction.RESTRICTED));
    }

    @Test
    void tokenModeWithoutAnIssuerOrAKeyDoesNotStart() {
        IllegalArgumentException noIssuer = assertThrows(
                IllegalArgumentException.class,
                () -> authorizer(Map.of("mp.jwt.verify.publickey.location", "/keys/public.pem")));
        assertTrue(noIssuer.getMessage().contains("mp.jwt.verify.issuer"), noIssuer.getMessage());
        IllegalArgumentException noKey = assertThrows(
                IllegalArgumentException.class, () -> authorizer(Map.of("fastsync.security.mode", "token")));
        assertTrue(noKey.getMessage().contains("mp.jwt.verify.publickey"), noKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> authorizer(Map.of("fastsync.security.mode", "open")));
    }
}
