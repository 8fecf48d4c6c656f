-- An xAPI batch. Voids first, so that a voided statement leaves whichever batch brought it: an earlier one (deleted
-- here), this one or a later one (never inserted, as its id stays in xapi_voided_statement).
WITH ranked AS (
    SELECT voided_statement_id, voiding_statement_id, batch_id,
           ROW_NUMBER() OVER (PARTITION BY voided_statement_id ORDER BY voiding_statement_id) AS copy_number
    FROM dbo.stage_xapi_voided_statement
)
INSERT INTO dbo.xapi_voided_statement (voided_statement_id, voiding_statement_id, batch_id)
SELECT r.voided_statement_id, r.voiding_statement_id, r.batch_id FROM ranked r
WHERE r.copy_number = 1
  AND NOT EXISTS (SELECT 1 FROM dbo.xapi_voided_statement v WHERE v.voided_statement_id = r.voided_statement_id);

-- The pupil-days whose agg_learning_day rows this batch changes: those of voided statements, then of new ones.
INSERT INTO dbo.stage_learning_day_touched (pupil_no, date_key)
SELECT DISTINCT n.pupil_no, f.date_key
FROM dbo.fact_learning_activity f
JOIN dbo.pupil_number n ON n.pupil_key = f.pupil_key
WHERE EXISTS (SELECT 1 FROM dbo.stage_xapi_voided_statement v WHERE v.voided_statement_id = f.statement_id);

DELETE f FROM dbo.fact_learning_activity f
WHERE EXISTS (SELECT 1 FROM dbo.stage_xapi_voided_statement v WHERE v.voided_statement_id = f.statement_id);

-- A statement id is loaded once: one copy per id (the importer stages only the first copy of a file), and never
-- again once loaded or voided (statements are immutable: the first batch that brought one wins). The staged rows are
-- trimmed first, as in the DuckDB twin, so that the insert never reads its own target.
WITH copies AS (
    SELECT ROW_NUMBER() OVER (PARTITION BY statement_id ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_fact_learning_activity
)
DELETE FROM copies WHERE copy_number > 1;

DELETE s FROM dbo.stage_fact_learning_activity s
WHERE EXISTS (SELECT 1 FROM dbo.fact_learning_activity f WHERE f.statement_id = s.statement_id)
   OR EXISTS (SELECT 1 FROM dbo.xapi_voided_statement v WHERE v.voided_statement_id = s.statement_id);

INSERT INTO dbo.fact_learning_activity (statement_id, pupil_key, date_key, occurred_at, verb, activity_id, unit_key,
    score_scaled, score_raw, score_min, score_max, success, completion, duration_seconds, batch_id)
SELECT statement_id, pupil_key, date_key, occurred_at, verb, activity_id, unit_key,
    score_scaled, score_raw, score_min, score_max, success, completion, duration_seconds, batch_id
FROM dbo.stage_fact_learning_activity;

INSERT INTO dbo.stage_learning_day_touched (pupil_no, date_key)
SELECT DISTINCT n.pupil_no, s.date_key FROM dbo.stage_fact_learning_activity s JOIN dbo.pupil_number n ON n.pupil_key = s.pupil_key;

DELETE a FROM dbo.agg_learning_day a
WHERE EXISTS (SELECT 1 FROM dbo.stage_learning_day_touched t WHERE t.pupil_no = a.pupil_no AND t.date_key = a.date_key);

INSERT INTO dbo.agg_learning_day (pupil_no, date_key, unit_key, statements, seconds, scored, score_sum, score_best)
SELECT n.pupil_no, f.date_key, f.unit_key, COUNT(*), COALESCE(SUM(f.duration_seconds), 0), COUNT(f.score_scaled), SUM(f.score_scaled), MAX(f.score_scaled)
FROM dbo.fact_learning_activity f
JOIN dbo.pupil_number n ON n.pupil_key = f.pupil_key
WHERE EXISTS (SELECT 1 FROM dbo.stage_learning_day_touched t WHERE t.pupil_no = n.pupil_no AND t.date_key = f.date_key)
GROUP BY n.pupil_no, f.date_key, f.unit_key;

INSERT INTO dbo.stage_learning_year (fiscal_year)
SELECT DISTINCT d.fiscal_year FROM dbo.stage_learning_day_touched t JOIN dbo.dim_date d ON d.date_key = t.date_key;

DELETE FROM dbo.agg_pupil_unit_best WHERE fiscal_year IN (SELECT fiscal_year FROM dbo.stage_learning_year);
INSERT INTO dbo.agg_pupil_unit_best (fiscal_year, school_term, pupil_no, unit_key, best)
SELECT fiscal_year, school_term, pupil_no, unit_key, best FROM dbo.pupil_unit_best_rule
WHERE fiscal_year IN (SELECT fiscal_year FROM dbo.stage_learning_year);

DELETE FROM dbo.agg_unit_best WHERE fiscal_year IN (SELECT fiscal_year FROM dbo.stage_learning_year);
INSERT INTO dbo.agg_unit_best (fiscal_year, school_term, unit_key, school_key, pupils, best_sum)
SELECT fiscal_year, school_term, unit_key, school_key, pupils, best_sum FROM dbo.unit_best_by_school
WHERE fiscal_year IN (SELECT fiscal_year FROM dbo.stage_learning_year);

-- Units (単元): a title, subject or grade already known is kept when this batch has none.
UPDATE u
SET unit_title = COALESCE(s.unit_title, u.unit_title),
    subject = COALESCE(s.subject, u.subject),
    grade = COALESCE(s.grade, u.grade),
    batch_id = s.batch_id
FROM dbo.dim_learning_unit u
JOIN dbo.stage_dim_learning_unit s ON s.unit_key = u.unit_key;

WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY unit_key ORDER BY (SELECT NULL)) AS copy_number
    FROM dbo.stage_dim_learning_unit
)
INSERT INTO dbo.dim_learning_unit (unit_key, unit_title, subject, grade, batch_id)
SELECT r.unit_key, r.unit_title, r.subject, r.grade, r.batch_id FROM ranked r
WHERE r.copy_number = 1
  AND NOT EXISTS (SELECT 1 FROM dbo.dim_learning_unit u WHERE u.unit_key = r.unit_key);

DELETE FROM dbo.stage_fact_learning_activity;
DELETE FROM dbo.stage_xapi_voided_statement;
DELETE FROM dbo.stage_dim_learning_unit;
DELETE FROM dbo.stage_learning_day_touched;
DELETE FROM dbo.stage_learning_year;
