-- Last batch wins per (resident, day); the importer has rejected a second row with the same key in one file.
DELETE f FROM dbo.fact_checkup_result f
WHERE EXISTS (SELECT 1 FROM dbo.stage_fact_checkup_result s WHERE s.resident_key = f.resident_key AND s.date_key = f.date_key);
INSERT INTO dbo.fact_checkup_result (resident_key, date_key, fiscal_year, sex, age, waist_cm, bmi, systolic, diastolic, fasting_sample,
    fasting_glucose, casual_glucose, hba1c, triglycerides, hdl, smoker, bp_medication, glucose_medication, lipid_medication,
    obesity_group, glucose_risk, lipid_risk, pressure_risk, smoking_counted, risk_count, guidance_level, batch_id)
SELECT resident_key, date_key, fiscal_year, sex, age, waist_cm, bmi, systolic, diastolic, fasting_sample,
    fasting_glucose, casual_glucose, hba1c, triglycerides, hdl, smoker, bp_medication, glucose_medication, lipid_medication,
    obesity_group, glucose_risk, lipid_risk, pressure_risk, smoking_counted, risk_count, guidance_level, batch_id
FROM dbo.stage_fact_checkup_result;
DELETE FROM dbo.stage_fact_checkup_result;
