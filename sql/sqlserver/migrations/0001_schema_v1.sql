-- Schema v1: calendar, districts, schools and pupils, the education facts, and the operational tables.
-- Person keys (pupil_key, teacher_key, resident_key) are pseudonyms: keyed HMACs of the source ids.
-- Names live only in the *_identity tables, which only roles that need them read.
-- Facts get clustered columnstore indexes.

CREATE TABLE dbo.dim_date (
    date_key        INT NOT NULL PRIMARY KEY,
    calendar_date   DATE NOT NULL UNIQUE,
    calendar_year   SMALLINT NOT NULL,
    calendar_month  SMALLINT NOT NULL,
    day_of_month    SMALLINT NOT NULL,
    iso_weekday     SMALLINT NOT NULL,
    is_weekend      BIT NOT NULL,
    fiscal_year     SMALLINT NOT NULL,
    school_term     SMALLINT NULL
);

CREATE TABLE dbo.dim_district (
    chome_code      NVARCHAR(64) NOT NULL PRIMARY KEY,
    chome_name      NVARCHAR(200) NOT NULL,
    district_code   NVARCHAR(64) NOT NULL,
    district_name   NVARCHAR(200) NOT NULL,
    area_code       NVARCHAR(64) NOT NULL,
    area_name       NVARCHAR(200) NOT NULL,
    is_urban        BIT NOT NULL,
    population      INT NULL,
    households      INT NULL,
    longitude       FLOAT NULL,
    latitude        FLOAT NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.district_geometry (
    geo_level       NVARCHAR(16) NOT NULL,
    geo_code        NVARCHAR(64) NOT NULL,
    geo_name        NVARCHAR(200) NOT NULL,
    geojson         NVARCHAR(MAX) NOT NULL,
    batch_id        BIGINT NULL,
    CONSTRAINT pk_district_geometry PRIMARY KEY (geo_level, geo_code)
);

CREATE TABLE dbo.dim_school (
    school_key      NVARCHAR(200) NOT NULL PRIMARY KEY,
    school_code     NVARCHAR(13) NULL,
    school_name     NVARCHAR(200) NOT NULL,
    school_kind     NVARCHAR(32) NOT NULL,
    district_code   NVARCHAR(64) NULL,
    chome_code      NVARCHAR(64) NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.dim_class (
    class_key       NVARCHAR(200) NOT NULL PRIMARY KEY,
    school_key      NVARCHAR(200) NOT NULL,
    fiscal_year     SMALLINT NULL,
    class_title     NVARCHAR(200) NOT NULL,
    class_code      NVARCHAR(100) NULL,
    class_type      NVARCHAR(32) NOT NULL,
    grades          NVARCHAR(100) NULL,
    subject         NVARCHAR(100) NULL,
    course_title    NVARCHAR(200) NULL,
    is_special_needs BIT NOT NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.dim_pupil (
    pupil_key       NVARCHAR(64) NOT NULL PRIMARY KEY,
    school_key      NVARCHAR(200) NULL,
    grade           NVARCHAR(8) NULL,
    sex             NVARCHAR(16) NULL,
    birth_year      SMALLINT NULL,
    chome_code      NVARCHAR(64) NULL,
    is_active       BIT NOT NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.pupil_identity (
    pupil_key       NVARCHAR(64) NOT NULL PRIMARY KEY,
    source_id       NVARCHAR(200) NOT NULL,
    user_master_identifier NVARCHAR(200) NULL,
    username        NVARCHAR(200) NULL,
    email           NVARCHAR(320) NULL,
    family_name     NVARCHAR(100) NULL,
    given_name      NVARCHAR(100) NULL,
    kana_family_name NVARCHAR(100) NULL,
    kana_given_name NVARCHAR(100) NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.dim_teacher (
    teacher_key     NVARCHAR(64) NOT NULL PRIMARY KEY,
    school_key      NVARCHAR(200) NULL,
    is_active       BIT NOT NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.teacher_identity (
    teacher_key     NVARCHAR(64) NOT NULL PRIMARY KEY,
    source_id       NVARCHAR(200) NOT NULL,
    username        NVARCHAR(200) NULL,
    email           NVARCHAR(320) NULL,
    family_name     NVARCHAR(100) NULL,
    given_name      NVARCHAR(100) NULL,
    kana_family_name NVARCHAR(100) NULL,
    kana_given_name NVARCHAR(100) NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.class_enrollment (
    class_key       NVARCHAR(200) NOT NULL,
    person_key      NVARCHAR(64) NOT NULL,
    enrollment_role NVARCHAR(32) NOT NULL,
    is_primary      BIT NOT NULL,
    shusseki_no     SMALLINT NULL,
    begin_date      DATE NULL,
    end_date        DATE NULL,
    batch_id        BIGINT NULL,
    CONSTRAINT pk_class_enrollment PRIMARY KEY (class_key, person_key, enrollment_role)
);

CREATE TABLE dbo.dim_learning_unit (
    unit_key        NVARCHAR(400) NOT NULL PRIMARY KEY,
    unit_title      NVARCHAR(400) NULL,
    subject         NVARCHAR(100) NULL,
    grade           NVARCHAR(8) NULL,
    batch_id        BIGINT NULL
);

CREATE TABLE dbo.fact_learning_activity (
    statement_id    NVARCHAR(100) NOT NULL,
    pupil_key       NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL,
    occurred_at     DATETIME2(3) NOT NULL,
    verb            NVARCHAR(400) NOT NULL,
    activity_id     NVARCHAR(400) NOT NULL,
    unit_key        NVARCHAR(400) NULL,
    score_scaled    FLOAT NULL,
    score_raw       FLOAT NULL,
    score_min       FLOAT NULL,
    score_max       FLOAT NULL,
    success         BIT NULL,
    completion      BIT NULL,
    duration_seconds FLOAT NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_learning_activity ON dbo.fact_learning_activity;

CREATE TABLE dbo.fact_assessment_result (
    assessment_id   NVARCHAR(200) NOT NULL,
    pupil_key       NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL,
    subject         NVARCHAR(100) NOT NULL,
    unit_key        NVARCHAR(400) NULL,
    score           FLOAT NOT NULL,
    max_score       FLOAT NOT NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_assessment_result ON dbo.fact_assessment_result;

CREATE TABLE dbo.fact_attendance (
    pupil_key       NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL,
    attendance_status NVARCHAR(16) NOT NULL,
    absence_reason  NVARCHAR(32) NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_attendance ON dbo.fact_attendance;

CREATE TABLE dbo.etl_batch (
    batch_id        BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    source_kind     NVARCHAR(32) NOT NULL,
    file_name       NVARCHAR(400) NOT NULL,
    file_sha256     NVARCHAR(64) NOT NULL,
    batch_status    NVARCHAR(16) NOT NULL,
    rows_read       BIGINT NOT NULL,
    rows_loaded     BIGINT NOT NULL,
    rows_rejected   BIGINT NOT NULL,
    started_at      DATETIME2(3) NOT NULL,
    finished_at     DATETIME2(3) NULL,
    started_by      NVARCHAR(200) NOT NULL,
    message         NVARCHAR(MAX) NULL
);

CREATE TABLE dbo.etl_batch_table (
    batch_id        BIGINT NOT NULL,
    table_name      NVARCHAR(128) NOT NULL,
    rows_read       BIGINT NOT NULL,
    rows_loaded     BIGINT NOT NULL,
    rows_rejected   BIGINT NOT NULL,
    CONSTRAINT pk_etl_batch_table PRIMARY KEY (batch_id, table_name)
);

CREATE TABLE dbo.etl_reject (
    batch_id        BIGINT NOT NULL,
    source_part     NVARCHAR(200) NOT NULL,
    line_number     BIGINT NOT NULL,
    field_name      NVARCHAR(200) NULL,
    reason          NVARCHAR(1000) NOT NULL,
    masked_value    NVARCHAR(1000) NULL
);

CREATE TABLE dbo.consent (
    resident_key    NVARCHAR(64) NOT NULL,
    consent_scope   NVARCHAR(64) NOT NULL,
    consent_status  NVARCHAR(16) NOT NULL,
    recorded_on     DATE NOT NULL,
    batch_id        BIGINT NULL,
    CONSTRAINT pk_consent PRIMARY KEY (resident_key, consent_scope, recorded_on)
);

CREATE TABLE dbo.audit_log (
    audit_id        BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    occurred_at     DATETIME2(3) NOT NULL,
    user_name       NVARCHAR(200) NOT NULL,
    action          NVARCHAR(100) NOT NULL,
    target          NVARCHAR(400) NULL,
    filter_text     NVARCHAR(MAX) NULL,
    row_count       BIGINT NULL
);

CREATE TABLE dbo.app_user (
    user_name       NVARCHAR(200) NOT NULL PRIMARY KEY,
    display_name    NVARCHAR(200) NOT NULL,
    email           NVARCHAR(320) NULL,
    password_hash   NVARCHAR(400) NULL,
    failed_sign_ins INT NOT NULL,
    locked_until    DATETIME2(3) NULL,
    created_at      DATETIME2(3) NOT NULL
);

CREATE TABLE dbo.app_user_role (
    user_name       NVARCHAR(200) NOT NULL,
    role_name       NVARCHAR(64) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_name, role_name)
);

CREATE TABLE dbo.user_scope (
    user_name       NVARCHAR(200) NOT NULL,
    scope_kind      NVARCHAR(16) NOT NULL,
    scope_value     NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_user_scope PRIMARY KEY (user_name, scope_kind, scope_value)
);
