package io.fastsync.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fastsync.zone.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerKeysTest {

    @Test
    void anAuthenticatedCallerIsCountedByNameWhereverItCallsFrom() {
        Caller alice = Caller.named("alice", Map.of(), List.of());
        assertEquals(CallerKeys.of(alice, "10.0.0.1"), CallerKeys.of(alice, "10.0.0.2"));
        assertNotEquals(
                CallerKeys.of(alice, "10.0.0.1"), CallerKeys.of(Caller.named("bob", Map.of(), List.of()), "10.0.0.1"));
    }

    @Test
    void inTrustModeAMachineIsOneCallerWhicheverOfItsAddressesItUses() {
        assertEquals("this machine", CallerKeys.machine("127.0.0.1"));
        assertEquals("this machine", CallerKeys.machine("127.45.3.2"));
        assertEquals("this machine", CallerKeys.machine("::1"));
        assertEquals("this machine", CallerKeys.machine("[::1]"));
        assertEquals("machine 192.0.2.7", CallerKeys.machine("192.0.2.7"));
        assertEquals("machine 192.0.2.7", CallerKeys.machine("::ffff:192.0.2.7"));
        assertEquals("machine 2001:0db8:0001:0002::/64", CallerKeys.machine("2001:db8:1:2:aaaa::1"));
        assertEquals(CallerKeys.machine("2001:db8:1:2::5"), CallerKeys.machine("2001:db8:1:2:ffff:1:2:3%eth0"));
        assertNotEquals(CallerKeys.machine("2001:db8:1:2::5"), CallerKeys.machine("2001:db8:1:3::5"));
    }

    @Test
    void whatIsNoAddressIsNeverLookedUp() {
        assertEquals("machine unknown", CallerKeys.machine("example.org"));
        assertEquals("machine unknown", CallerKeys.machine(""));
        assertEquals("machine unknown", CallerKeys.machine(null));
        assertEquals("machine unknown", CallerKeys.machine("1234"));
    }
}
