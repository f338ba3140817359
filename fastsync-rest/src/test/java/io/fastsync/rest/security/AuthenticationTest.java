package io.fastsync.rest.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthenticationTest {

    @Test
    void trustModeServesLoopbackAddressesOnly() {
        assertTrue(Authentication.fromThisMachine("127.0.0.1"));
        assertTrue(Authentication.fromThisMachine("127.3.4.5"));
        assertTrue(Authentication.fromThisMachine("::1"));
        assertTrue(Authentication.fromThisMachine("0:0:0:0:0:0:0:1"));
        assertFalse(Authentication.fromThisMachine("10.0.0.7"));
        assertFalse(Authentication.fromThisMachine("192.168.1.20"));
        assertFalse(Authentication.fromThisMachine("::ffff:10.0.0.7"));
        assertFalse(Authentication.fromThisMachine(null));
    }
}
