package io.fastsync.wire;

/** What a change did to an object, with the numeric codes existing FastSync clients use. */
public enum SyncOperation {
    ADD(0),
    UPDATE(1),
    DELETE(2),
    /** The sentinel clients put in cursors and in the per-type metadata of a push. */
    NONE(999);

    private final int code;

    SyncOperation(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the operation with this code, or {@code null} if no operation has it */
    public static SyncOperation ofCode(long code) {
        for (SyncOperation op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        return null;
    }
}
