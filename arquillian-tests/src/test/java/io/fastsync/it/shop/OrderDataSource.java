package io.fastsync.it.shop;

import io.fastsync.entity.SyncableObjectDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/** No {@code @Syncable}: {@link ShopSyncSetup} registers it in code. */
@ApplicationScoped
public class OrderDataSource extends SyncableObjectDataSource<Order> {}
