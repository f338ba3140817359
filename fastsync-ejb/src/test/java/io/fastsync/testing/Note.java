package io.fastsync.testing;

import io.fastsync.entity.SyncableObject;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A typed syncable entity, as an application would write one. */
@Entity
@Table(name = "test_note", indexes = @Index(columnList = "sync_zone, sync_version"))
public class Note extends SyncableObject {

    private String text;
    private int stars;

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getStars() {
        return stars;
    }

    public void setStars(int stars) {
        this.stars = stars;
    }
}
