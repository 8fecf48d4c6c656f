INSERT INTO schema_version (version, script_name, checksum, applied_at)
VALUES ($version, $script_name, $checksum, $applied_at);
