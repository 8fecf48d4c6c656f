-- Schema v1: calendar, districts, schools and pupils, the education facts, and the operational tables.
-- Person keys (pupil_key, teacher_key, resident_key) are pseudonyms: keyed HMACs of the source ids.
-- Names live only in the *_identity tables, which only roles that need them read.

-- Calendar ------------------------------------------------------------------------------------------
CREATE TABLE dim_date (
    date_key        INTEGER PRIMARY KEY,          -- yyyymmdd
    calendar_date   DATE NOT NULL UNIQUE,
    calendar_year   SMALLINT NOT NULL,
    calendar_month  SMALLINT NOT NULL,
    day_of_month    SMALLINT NOT NULL,
    iso_weekday     SMALLINT NOT NULL,            -- 1 = Monday … 7 = Sunday
    is_weekend      BOOLEAN NOT NULL,
    fiscal_year     SMALLINT NOT NULL,            -- 年度 (April–March)
    school_term     SMALLINT                      -- 学期 1–3; NULL in the August holiday
);

-- Districts: 町丁・字 → 地区 (中学校区) → 地域 (the five areas of the 2005 merger) -------------------------
CREATE TABLE dim_district (
    chome_code      VARCHAR PRIMARY KEY,
    chome_name      VARCHAR NOT NULL,
    district_code   VARCHAR NOT NULL,             -- 中学校区
    district_name   VARCHAR NOT NULL,
    area_code       VARCHAR NOT NULL,             -- 地域
    area_name       VARCHAR NOT NULL,
    is_urban        BOOLEAN NOT NULL,
    population      INTEGER,
    households      INTEGER,
    longitude       DOUBLE,
    latitude        DOUBLE,
    batch_id        BIGINT
);

CREATE TABLE district_geometry (
    geo_level       VARCHAR NOT NULL,             -- chome / district / area
    geo_code        VARCHAR NOT NULL,
    geo_name        VARCHAR NOT NULL,
    geojson         VARCHAR NOT NULL,             -- a GeoJSON geometry in WGS 84
    batch_id        BIGINT,
    PRIMARY KEY (geo_level, geo_code)
);

-- Schools, classes, pupils, teachers ------------------------------------------------------------------
CREATE TABLE dim_school (
    school_key      VARCHAR PRIMARY KEY,          -- source-namespaced OneRoster sourcedId
    school_code     VARCHAR,                      -- MEXT school code (13 characters)
    school_name     VARCHAR NOT NULL,
    school_kind     VARCHAR NOT NULL,             -- elementary / junior_high / other
    district_code   VARCHAR,
    chome_code      VARCHAR,
    batch_id        BIGINT
);

CREATE TABLE dim_class (
    class_key       VARCHAR PRIMARY KEY,
    school_key      VARCHAR NOT NULL,
    fiscal_year     SMALLINT,
    class_title     VARCHAR NOT NULL,
    class_code      VARCHAR,
    class_type      VARCHAR NOT NULL,             -- homeroom / scheduled
    grades          VARCHAR,
    subject         VARCHAR,
    course_title    VARCHAR,
    is_special_needs BOOLEAN NOT NULL,            -- 特別支援学級
    batch_id        BIGINT
);

CREATE TABLE dim_pupil (
    pupil_key       VARCHAR PRIMARY KEY,
    school_key      VARCHAR,
    grade           VARCHAR,
    sex             VARCHAR,
    birth_year      SMALLINT,
    chome_code      VARCHAR,
    is_active       BOOLEAN NOT NULL,
    batch_id        BIGINT
);

CREATE TABLE pupil_identity (
    pupil_key       VARCHAR PRIMARY KEY,
    source_id       VARCHAR NOT NULL,
    user_master_identifier VARCHAR,               -- the 学習eポータル UUID
    username        VARCHAR,
    email           VARCHAR,
    family_name     VARCHAR,
    given_name      VARCHAR,
    kana_family_name VARCHAR,
    kana_given_name VARCHAR,
    batch_id        BIGINT
);

CREATE TABLE dim_teacher (
    teacher_key     VARCHAR PRIMARY KEY,
    school_key      VARCHAR,
    is_active       BOOLEAN NOT NULL,
    batch_id        BIGINT
);

CREATE TABLE teacher_identity (
    teacher_key     VARCHAR PRIMARY KEY,
    source_id       VARCHAR NOT NULL,
    username        VARCHAR,
    email           VARCHAR,
    family_name     VARCHAR,
    given_name      VARCHAR,
    kana_family_name VARCHAR,
    kana_given_name VARCHAR,
    batch_id        BIGINT
);

-- Who is in which class, as what (student / teacher / administrator / guardian). Teachers' rows decide scopes.
CREATE TABLE class_enrollment (
    class_key       VARCHAR NOT NULL,
    person_key      VARCHAR NOT NULL,
    enrollment_role VARCHAR NOT NULL,
    is_primary      BOOLEAN NOT NULL,
    shusseki_no     SMALLINT,                     -- 出席番号
    begin_date      DATE,
    end_date        DATE,
    batch_id        BIGINT,
    PRIMARY KEY (class_key, person_key, enrollment_role)
);

CREATE TABLE dim_learning_unit (
    unit_key        VARCHAR PRIMARY KEY,          -- the 単元's activity IRI
    unit_title      VARCHAR,
    subject         VARCHAR,
    grade           VARCHAR,
    batch_id        BIGINT
);

-- Education facts -------------------------------------------------------------------------------------
CREATE TABLE fact_learning_activity (
    statement_id    VARCHAR NOT NULL,             -- xAPI statement id (or its deterministic stand-in)
    pupil_key       VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,           -- Japan time
    verb            VARCHAR NOT NULL,
    activity_id     VARCHAR NOT NULL,
    unit_key        VARCHAR,
    score_scaled    DOUBLE,                       -- [-1, 1]
    score_raw       DOUBLE,
    score_min       DOUBLE,
    score_max       DOUBLE,
    success         BOOLEAN,
    completion      BOOLEAN,
    duration_seconds DOUBLE,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE fact_assessment_result (
    assessment_id   VARCHAR NOT NULL,
    pupil_key       VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    subject         VARCHAR NOT NULL,
    unit_key        VARCHAR,
    score           DOUBLE NOT NULL,
    max_score       DOUBLE NOT NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE fact_attendance (
    pupil_key       VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    attendance_status VARCHAR NOT NULL,           -- 出席 / 欠席 / 遅刻 / 早退 / 出席停止 / 忌引
    absence_reason  VARCHAR,                      -- 病気 / 経済的理由 / 不登校 / その他
    batch_id        BIGINT NOT NULL
);

-- Operational -------------------------------------------------------------------------------------------
CREATE SEQUENCE etl_batch_id_seq START 1;

CREATE TABLE etl_batch (
    batch_id        BIGINT PRIMARY KEY DEFAULT nextval('etl_batch_id_seq'),
    source_kind     VARCHAR NOT NULL,
    file_name       VARCHAR NOT NULL,
    file_sha256     VARCHAR NOT NULL,
    batch_status    VARCHAR NOT NULL,             -- running / succeeded / failed / refused
    rows_read       BIGINT NOT NULL,
    rows_loaded     BIGINT NOT NULL,
    rows_rejected   BIGINT NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    started_by      VARCHAR NOT NULL,
    message         VARCHAR
);

CREATE TABLE etl_batch_table (
    batch_id        BIGINT NOT NULL,
    table_name      VARCHAR NOT NULL,
    rows_read       BIGINT NOT NULL,
    rows_loaded     BIGINT NOT NULL,
    rows_rejected   BIGINT NOT NULL,
    PRIMARY KEY (batch_id, table_name)
);

-- Sensitive values are masked before they reach this table.
CREATE TABLE etl_reject (
    batch_id        BIGINT NOT NULL,
    source_part     VARCHAR NOT NULL,             -- file or table inside the source
    line_number     BIGINT NOT NULL,
    field_name      VARCHAR,
    reason          VARCHAR NOT NULL,
    masked_value    VARCHAR
);

CREATE TABLE consent (
    resident_key    VARCHAR NOT NULL,
    consent_scope   VARCHAR NOT NULL,
    consent_status  VARCHAR NOT NULL,             -- given / withdrawn
    recorded_on     DATE NOT NULL,
    batch_id        BIGINT,
    PRIMARY KEY (resident_key, consent_scope, recorded_on)
);

CREATE SEQUENCE audit_log_id_seq START 1;

CREATE TABLE audit_log (
    audit_id        BIGINT PRIMARY KEY DEFAULT nextval('audit_log_id_seq'),
    occurred_at     TIMESTAMP NOT NULL,
    user_name       VARCHAR NOT NULL,
    action          VARCHAR NOT NULL,
    target          VARCHAR,
    filter_text     VARCHAR,
    row_count       BIGINT
);

CREATE TABLE app_user (
    user_name       VARCHAR PRIMARY KEY,
    display_name    VARCHAR NOT NULL,
    email           VARCHAR,
    password_hash   VARCHAR,                      -- NULL for Entra ID users
    failed_sign_ins INTEGER NOT NULL,
    locked_until    TIMESTAMP,
    created_at      TIMESTAMP NOT NULL
);

CREATE TABLE app_user_role (
    user_name       VARCHAR NOT NULL,
    role_name       VARCHAR NOT NULL,
    PRIMARY KEY (user_name, role_name)
);

-- Hand-edited scopes (exceptions); a teacher's classes come from class_enrollment.
CREATE TABLE user_scope (
    user_name       VARCHAR NOT NULL,
    scope_kind      VARCHAR NOT NULL,             -- school / class / area
    scope_value     VARCHAR NOT NULL,
    PRIMARY KEY (user_name, scope_kind, scope_value)
);
