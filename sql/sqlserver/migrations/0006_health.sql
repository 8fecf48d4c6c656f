-- Health facts: 基本チェックリスト answer sets scored on import, 特定健診 results stratified on import, and the staging
-- tables of the health importers (residents, consent, checklists, checkups, PHR readings). dim_resident and
-- fact_phr_reading come from 0005, consent from 0001.
CREATE TABLE dbo.fact_checklist_answer (
    resident_key    NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL,
    fiscal_year     SMALLINT NOT NULL,
    item_scores     NVARCHAR(25) NOT NULL,
    height_cm       FLOAT NULL,
    weight_kg       FLOAT NULL,
    bmi             FLOAT NULL,
    total_score     SMALLINT NOT NULL,
    life_function_risk BIT NOT NULL,
    motor_risk      BIT NOT NULL,
    nutrition_risk  BIT NOT NULL,
    oral_risk       BIT NOT NULL,
    housebound_risk BIT NOT NULL,
    cognitive_risk  BIT NOT NULL,
    depression_risk BIT NOT NULL,
    frailty_band    NVARCHAR(16) NOT NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_checklist_answer ON dbo.fact_checklist_answer;

CREATE TABLE dbo.fact_checkup_result (
    resident_key    NVARCHAR(64) NOT NULL,
    date_key        INT NOT NULL,
    fiscal_year     SMALLINT NOT NULL,
    sex             NVARCHAR(16) NOT NULL,
    age             SMALLINT NOT NULL,
    waist_cm        FLOAT NULL,
    bmi             FLOAT NULL,
    systolic        FLOAT NULL,
    diastolic       FLOAT NULL,
    fasting_sample  BIT NOT NULL,
    fasting_glucose FLOAT NULL,
    casual_glucose  FLOAT NULL,
    hba1c           FLOAT NULL,
    triglycerides   FLOAT NULL,
    hdl             FLOAT NULL,
    smoker          BIT NOT NULL,
    bp_medication   BIT NOT NULL,
    glucose_medication BIT NOT NULL,
    lipid_medication BIT NOT NULL,
    obesity_group   NVARCHAR(8) NOT NULL,
    glucose_risk    BIT NOT NULL,
    lipid_risk      BIT NOT NULL,
    pressure_risk   BIT NOT NULL,
    smoking_counted BIT NOT NULL,
    risk_count      SMALLINT NOT NULL,
    guidance_level  NVARCHAR(16) NOT NULL,
    batch_id        BIGINT NOT NULL
);
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_checkup_result ON dbo.fact_checkup_result;

SELECT TOP (0) * INTO dbo.stage_dim_resident FROM dbo.dim_resident;
SELECT TOP (0) * INTO dbo.stage_consent FROM dbo.consent;
SELECT TOP (0) * INTO dbo.stage_fact_checklist_answer FROM dbo.fact_checklist_answer;
SELECT TOP (0) * INTO dbo.stage_fact_checkup_result FROM dbo.fact_checkup_result;
SELECT TOP (0) * INTO dbo.stage_fact_phr_reading FROM dbo.fact_phr_reading;
