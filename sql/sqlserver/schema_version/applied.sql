SELECT version AS Version, script_name AS ScriptName, checksum AS Checksum, applied_at AS AppliedAt
FROM dbo.schema_version
ORDER BY version;
