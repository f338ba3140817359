package io.fastsync.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.rest.error.MalformedJsonException;
import org.junit.jupiter.api.Test;

class QueryParameterTest {

    @Test
    void aParameterIsDecodedFromItsPercentEncodingAsUtf8() {
        assertEquals(
                "{\"a\": \"é\"}", QueryParameter.read("x=1&metadata=%7B%22a%22:+%22%C3%A9%22%7D", "metadata", 100));
        assertEquals("", QueryParameter.read("metadata", "metadata", 100));
        assertNull(QueryParameter.read("other=1", "metadata", 100));
        assertNull(QueryParameter.read(null, "metadata", 100));
    }

    @Test
    void whatIsNotStrictlyEncodedIsRefusedWithWhereItWentWrong() {
        for (String broken :
                new String[] {"metadata=%zz", "metadata=%f", "metadata=abc%", "metadata=%ff%fe", "metadata=%C3%28"}) {
            assertThrows(MalformedJsonException.class, () -> QueryParameter.read(broken, "metadata", 100), broken);
        }
        MalformedJsonException twice = assertThrows(
                MalformedJsonException.class, () -> QueryParameter.read("metadata=1&metadata=2", "metadata", 100));
        assertTrue(twice.getMessage().contains("more than once"), twice.getMessage());
        MalformedJsonException at = assertThrows(
                MalformedJsonException.class, () -> QueryParameter.read("metadata=ab%zz", "metadata", 100));
        assertTrue(at.getMessage().contains("character 3"), at.getMessage());
        assertThrows(MalformedJsonException.class, () -> QueryParameter.read("metadata=é", "metadata", 100));
        assertThrows(
                MalformedJsonException.class,
                () -> QueryParameter.read("metadata=" + "a".repeat(101), "metadata", 100));
    }
}
