package io.fastsync.it.shop;

import io.fastsync.repository.SyncableRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Application code writing its entities through FastSync's repository, in its own transactions. */
@ApplicationScoped
public class Inventory {

    @Inject
    SyncableRepository<Item> items;

    @Transactional
    public Item add(String zone, String name, int qty) {
        return items.add(new Item(zone, name, qty));
    }

    @Transactional
    public Item changeQty(String zone, String id, int qty) {
        Item item = items.findById(zone, id).orElseThrow();
        item.setQty(qty);
        return items.update(item);
    }
}
