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

DELETE f FROM dbo.fact_learning_activity f
WHERE EXISTS (SELECT 1 FROM dbo.stage_xapi_voided_statement v WHERE v.voided_statement_id = f.statement_id);

-- A statement id is loaded once: the first batch that brought it wins (statements are immutable), and within a batch
-- one copy is kept (the earliest, should two copies differ).
WITH ranked AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY statement_id ORDER BY occurred_at, verb, activity_id) AS copy_number
    FROM dbo.stage_fact_learning_activity
)
INSERT INTO dbo.fact_learning_activity (statement_id, pupil_key, date_key, occurred_at, verb, activity_id, unit_key,
    score_scaled, score_raw, score_min, score_max, success, completion, duration_seconds, batch_id)
SELECT r.statement_id, r.pupil_key, r.date_key, r.occurred_at, r.verb, r.activity_id, r.unit_key,
    r.score_scaled, r.score_raw, r.score_min, r.score_max, r.success, r.completion, r.duration_seconds, r.batch_id
FROM ranked r
WHERE r.copy_number = 1
  AND NOT EXISTS (SELECT 1 FROM dbo.fact_learning_activity f WHERE f.statement_id = r.statement_id)
  AND NOT EXISTS (SELECT 1 FROM dbo.xapi_voided_statement v WHERE v.voided_statement_id = r.statement_id);

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
