IF OBJECT_ID(N'dbo.schema_version', N'U') IS NULL
    CREATE TABLE dbo.schema_version (
        version         INT NOT NULL PRIMARY KEY,
        script_name     NVARCHAR(200) NOT NULL,
        checksum        NVARCHAR(64) NOT NULL,
        applied_at      DATETIME2(3) NOT NULL
    );
