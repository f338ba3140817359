package io.fastsync.push;

import io.fastsync.wire.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The answer given to a push that carried an idempotency key, kept to answer its retries. */
@Entity
@Table(name = "fastsync_push_receipt")
public class PushReceipt {

    @Id
    @Column(name = "idempotency_key", length = Limits.IDEMPOTENCY_KEY)
    private String idempotencyKey;

    @Column(name = "request_hash", length = 64, nullable = false)
    private String requestHash;

    @Column(name = "response", nullable = false, columnDefinition = "TEXT")
    private String response;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected PushReceipt() {}

    public PushReceipt(String idempotencyKey, String requestHash, String response, long createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.response = response;
        this.createdAt = createdAt;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public String getResponse() {
        return response;
    }
}
