package org.example.tasks;

import io.fastsync.entity.SyncableObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A team's task. Extending {@link SyncableObject} gives it an id, a zone (the team) and the sync
 * metadata columns; its own fields are what clients see. Synced as type {@code Task}.
 */
@Entity
@Table(name = "task", indexes = @Index(name = "task_changes", columnList = "sync_zone, sync_version"))
public class Task extends SyncableObject {

    @Column(name = "title", length = 200)
    private String title;

    @Column(name = "done", nullable = false)
    private boolean done;

    public Task() {}

    public Task(String team, String title) {
        setSyncZone(team);
        this.title = title;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public boolean isDone() {
        return done;
    }

    public void setDone(boolean done) {
        this.done = done;
    }
}
