package io.fastsync.it.shop;

import io.fastsync.entity.SyncableObjectDataSource;
import io.fastsync.registry.Syncable;
import jakarta.enterprise.context.ApplicationScoped;

/** Declarative registration: restricted, last writer wins (the defaults). */
@ApplicationScoped
@Syncable
public class ItemDataSource extends SyncableObjectDataSource<Item> {}
