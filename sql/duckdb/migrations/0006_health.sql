-- Health facts: 基本チェックリスト answer sets scored on import, 特定健診 results stratified on import, and the staging
-- tables of the health importers (residents, consent, checklists, checkups, PHR readings). dim_resident and
-- fact_phr_reading come from 0005, consent from 0001.
CREATE TABLE fact_checklist_answer (
    resident_key    VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    fiscal_year     SMALLINT NOT NULL,
    item_scores     VARCHAR NOT NULL,             -- 25 characters '0'/'1', items 1–25, 1 = points to risk
    height_cm       DOUBLE,
    weight_kg       DOUBLE,
    bmi             DOUBLE,
    total_score     SMALLINT NOT NULL,
    life_function_risk BOOLEAN NOT NULL,          -- 生活機能全般
    motor_risk      BOOLEAN NOT NULL,             -- 運動器
    nutrition_risk  BOOLEAN NOT NULL,             -- 栄養
    oral_risk       BOOLEAN NOT NULL,             -- 口腔
    housebound_risk BOOLEAN NOT NULL,             -- 閉じこもり
    cognitive_risk  BOOLEAN NOT NULL,             -- 認知
    depression_risk BOOLEAN NOT NULL,             -- うつ
    frailty_band    VARCHAR NOT NULL,             -- ロバスト / プレフレイル / フレイル
    batch_id        BIGINT NOT NULL
);

CREATE TABLE fact_checkup_result (
    resident_key    VARCHAR NOT NULL,
    date_key        INTEGER NOT NULL,
    fiscal_year     SMALLINT NOT NULL,
    sex             VARCHAR NOT NULL,             -- male / female
    age             SMALLINT NOT NULL,            -- at the end of the 年度
    waist_cm        DOUBLE,
    bmi             DOUBLE,
    systolic        DOUBLE,
    diastolic       DOUBLE,
    fasting_sample  BOOLEAN NOT NULL,
    fasting_glucose DOUBLE,
    casual_glucose  DOUBLE,
    hba1c           DOUBLE,
    triglycerides   DOUBLE,
    hdl             DOUBLE,
    smoker          BOOLEAN NOT NULL,
    bp_medication   BOOLEAN NOT NULL,
    glucose_medication BOOLEAN NOT NULL,
    lipid_medication BOOLEAN NOT NULL,
    obesity_group   VARCHAR NOT NULL,             -- A (waist) / B (BMI) / none
    glucose_risk    BOOLEAN NOT NULL,
    lipid_risk      BOOLEAN NOT NULL,
    pressure_risk   BOOLEAN NOT NULL,
    smoking_counted BOOLEAN NOT NULL,
    risk_count      SMALLINT NOT NULL,
    guidance_level  VARCHAR NOT NULL,             -- 積極的支援 / 動機付け支援 / 情報提供 / 対象外
    batch_id        BIGINT NOT NULL
);

CREATE TABLE stage_dim_resident AS SELECT * FROM dim_resident LIMIT 0;
CREATE TABLE stage_consent AS SELECT * FROM consent LIMIT 0;
CREATE TABLE stage_fact_checklist_answer AS SELECT * FROM fact_checklist_answer LIMIT 0;
CREATE TABLE stage_fact_checkup_result AS SELECT * FROM fact_checkup_result LIMIT 0;
CREATE TABLE stage_fact_phr_reading AS SELECT * FROM fact_phr_reading LIMIT 0;
