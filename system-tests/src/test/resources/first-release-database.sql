-- A database as FastSync 0.1 (schema version 1) left it: its bookkeeping table, step 1 exactly as
-- released, and what its clients had pushed into the zone "release-0.1": an object at version 1
-- and a tombstone at version 2. One statement per line.
CREATE TABLE IF NOT EXISTS fastsync_schema_version (version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)
CREATE TABLE IF NOT EXISTS fastsync_version (type_name VARCHAR(100) NOT NULL, sync_zone VARCHAR(200) NOT NULL, last_version BIGINT NOT NULL, PRIMARY KEY (type_name, sync_zone))
CREATE TABLE IF NOT EXISTS fastsync_document (type_name VARCHAR(100) NOT NULL, id VARCHAR(200) NOT NULL, sync_zone VARCHAR(200) NOT NULL, sync_version BIGINT NOT NULL, sync_timestamp BIGINT NOT NULL, sync_operation INTEGER NOT NULL, deleted BOOLEAN NOT NULL, body TEXT NOT NULL, PRIMARY KEY (type_name, id))
CREATE UNIQUE INDEX IF NOT EXISTS fastsync_document_changes ON fastsync_document (type_name, sync_zone, sync_version)
CREATE TABLE IF NOT EXISTS fastsync_push_receipt (idempotency_key VARCHAR(200) NOT NULL PRIMARY KEY, request_hash VARCHAR(64) NOT NULL, response TEXT NOT NULL, created_at BIGINT NOT NULL)
CREATE INDEX IF NOT EXISTS fastsync_push_receipt_age ON fastsync_push_receipt (created_at)
INSERT INTO fastsync_schema_version (version, description, applied_at) VALUES (1, 'version counters, documents, push receipts', '2026-01-15T09:30:00Z')
INSERT INTO fastsync_version (type_name, sync_zone, last_version) VALUES ('Item', 'release-0.1', 2)
INSERT INTO fastsync_document (type_name, id, sync_zone, sync_version, sync_timestamp, sync_operation, deleted, body) VALUES ('Item', 'kept', 'release-0.1', 1, 1722950000967000, 0, FALSE, '{"name":"milk","qty":2}')
INSERT INTO fastsync_document (type_name, id, sync_zone, sync_version, sync_timestamp, sync_operation, deleted, body) VALUES ('Item', 'gone', 'release-0.1', 2, 1722950001000000, 2, TRUE, '{"name":"eggs"}')
