package org.example.tasks;

import io.fastsync.conflict.ConflictStrategy;
import io.fastsync.entity.SyncableObjectDataSource;
import io.fastsync.registry.Syncable;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registers {@link Task} with FastSync: one zone per team (restricted), and the last writer wins a
 * conflict. FastSync finds it at start-up because it is a CDI bean marked {@code @Syncable}.
 */
@ApplicationScoped
@Syncable(zone = SyncZoneRestriction.RESTRICTED, conflicts = ConflictStrategy.LAST_WRITER_WINS)
public class TaskDataSource extends SyncableObjectDataSource<Task> {}
