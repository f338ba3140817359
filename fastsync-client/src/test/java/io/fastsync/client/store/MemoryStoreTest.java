package io.fastsync.client.store;

import org.junit.jupiter.api.BeforeEach;

class MemoryStoreTest extends StoreContract {

    @BeforeEach
    void open() {
        store = new MemoryStore();
    }
}
