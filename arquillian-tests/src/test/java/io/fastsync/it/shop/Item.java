package io.fastsync.it.shop;

import io.fastsync.entity.SyncableObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The embedding application's own typed entity, synced as type {@code Item}. */
@Entity
@Table(name = "shop_item", indexes = @Index(name = "shop_item_changes", columnList = "sync_zone, sync_version"))
public class Item extends SyncableObject {

    @Column(name = "name", length = 200)
    private String name;

    @Column(name = "qty", nullable = false)
    private int qty;

    public Item() {}

    public Item(String zone, String name, int qty) {
        setSyncZone(zone);
        this.name = name;
        this.qty = qty;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getQty() {
        return qty;
    }

    public void setQty(int qty) {
        this.qty = qty;
    }
}
