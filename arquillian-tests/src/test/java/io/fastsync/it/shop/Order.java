package io.fastsync.it.shop;

import io.fastsync.entity.SyncableObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A second entity, registered in code ({@link ShopSyncSetup}) and synced as type {@code Order}.
 * ORDER is reserved in JPQL and SQL, hence the entity and table names.
 */
@Entity(name = "ShopOrder")
@Table(name = "shop_order", indexes = @Index(name = "shop_order_changes", columnList = "sync_zone, sync_version"))
public class Order extends SyncableObject {

    @Column(name = "customer", length = 200)
    private String customer;

    @Column(name = "status", length = 40)
    private String status;

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
