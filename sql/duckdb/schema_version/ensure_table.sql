CREATE TABLE IF NOT EXISTS schema_version (
    version         INTEGER PRIMARY KEY,
    script_name     VARCHAR NOT NULL,
    checksum        VARCHAR NOT NULL,
    applied_at      TIMESTAMP NOT NULL
);
