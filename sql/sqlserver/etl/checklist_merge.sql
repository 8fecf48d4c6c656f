-- Last batch wins per (resident, day); the importer has rejected a second row with the same key in one file.
DELETE f FROM dbo.fact_checklist_answer f
WHERE EXISTS (SELECT 1 FROM dbo.stage_fact_checklist_answer s WHERE s.resident_key = f.resident_key AND s.date_key = f.date_key);
INSERT INTO dbo.fact_checklist_answer (resident_key, date_key, fiscal_year, item_scores, height_cm, weight_kg, bmi, total_score,
    life_function_risk, motor_risk, nutrition_risk, oral_risk, housebound_risk, cognitive_risk, depression_risk, frailty_band, batch_id)
SELECT resident_key, date_key, fiscal_year, item_scores, height_cm, weight_kg, bmi, total_score,
    life_function_risk, motor_risk, nutrition_risk, oral_risk, housebound_risk, cognitive_risk, depression_risk, frailty_band, batch_id
FROM dbo.stage_fact_checklist_answer;
DELETE FROM dbo.stage_fact_checklist_answer;
