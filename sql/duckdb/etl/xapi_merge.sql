-- An xAPI batch. Voids first, so that a voided statement leaves whichever batch brought it: an earlier one (deleted
-- here), this one or a later one (never inserted, as its id stays in xapi_voided_statement).
INSERT INTO xapi_voided_statement
SELECT s.* FROM stage_xapi_voided_statement s
WHERE NOT EXISTS (SELECT 1 FROM xapi_voided_statement v WHERE v.voided_statement_id = s.voided_statement_id)
QUALIFY row_number() OVER (PARTITION BY s.voided_statement_id ORDER BY s.voiding_statement_id) = 1;

-- The pupil-days whose agg_learning_day rows this batch changes: those of voided statements, then of new ones.
INSERT INTO stage_learning_day_touched
SELECT DISTINCT n.pupil_no, f.date_key
FROM fact_learning_activity f
JOIN pupil_number n ON n.pupil_key = f.pupil_key
WHERE f.statement_id IN (SELECT voided_statement_id FROM stage_xapi_voided_statement);

DELETE FROM fact_learning_activity
WHERE statement_id IN (SELECT voided_statement_id FROM stage_xapi_voided_statement);

-- A statement id is loaded once: one copy per id (the importer stages only the first copy of a file; the earliest
-- staged copy wins here all the same), and never again once loaded or voided (statements are immutable: the first
-- batch that brought one wins). The staged rows are trimmed first so that the insert never reads its own target,
-- which would make DuckDB materialise the whole batch once more.
DELETE FROM stage_fact_learning_activity
WHERE rowid IN (
    SELECT rowid FROM stage_fact_learning_activity
    QUALIFY row_number() OVER (PARTITION BY statement_id ORDER BY rowid) > 1);

DELETE FROM stage_fact_learning_activity s
WHERE EXISTS (SELECT 1 FROM fact_learning_activity f WHERE f.statement_id = s.statement_id)
   OR EXISTS (SELECT 1 FROM xapi_voided_statement v WHERE v.voided_statement_id = s.statement_id);

INSERT INTO fact_learning_activity SELECT * FROM stage_fact_learning_activity;

INSERT INTO stage_learning_day_touched
SELECT DISTINCT n.pupil_no, s.date_key FROM stage_fact_learning_activity s JOIN pupil_number n ON n.pupil_key = s.pupil_key;

DELETE FROM agg_learning_day
WHERE EXISTS (SELECT 1 FROM stage_learning_day_touched t WHERE t.pupil_no = agg_learning_day.pupil_no AND t.date_key = agg_learning_day.date_key);

-- The touched days' date range narrows the scan of the facts to the row groups that can hold them.
INSERT INTO agg_learning_day
SELECT n.pupil_no, f.date_key, f.unit_key, CAST(count(*) AS INTEGER), coalesce(sum(f.duration_seconds), 0),
       CAST(count(f.score_scaled) AS INTEGER), sum(f.score_scaled), max(f.score_scaled)
FROM fact_learning_activity f
JOIN pupil_number n ON n.pupil_key = f.pupil_key
WHERE f.date_key BETWEEN (SELECT min(date_key) FROM stage_learning_day_touched) AND (SELECT max(date_key) FROM stage_learning_day_touched)
  AND EXISTS (SELECT 1 FROM stage_learning_day_touched t WHERE t.pupil_no = n.pupil_no AND t.date_key = f.date_key)
GROUP BY n.pupil_no, f.date_key, f.unit_key
ORDER BY f.date_key, n.pupil_no;

INSERT INTO stage_learning_year
SELECT DISTINCT d.fiscal_year FROM stage_learning_day_touched t JOIN dim_date d ON d.date_key = t.date_key;

DELETE FROM agg_pupil_unit_best WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year);
INSERT INTO agg_pupil_unit_best
SELECT * FROM pupil_unit_best_rule WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year)
ORDER BY fiscal_year, school_term, pupil_no;

DELETE FROM agg_unit_best WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year);
INSERT INTO agg_unit_best SELECT * FROM unit_best_by_school WHERE fiscal_year IN (SELECT fiscal_year FROM stage_learning_year);

-- Units (単元): a title, subject or grade already known is kept when this batch has none.
UPDATE dim_learning_unit
SET unit_title = COALESCE(s.unit_title, dim_learning_unit.unit_title),
    subject = COALESCE(s.subject, dim_learning_unit.subject),
    grade = COALESCE(s.grade, dim_learning_unit.grade),
    batch_id = s.batch_id
FROM stage_dim_learning_unit s
WHERE s.unit_key = dim_learning_unit.unit_key;

INSERT INTO dim_learning_unit
SELECT s.* FROM stage_dim_learning_unit s
WHERE NOT EXISTS (SELECT 1 FROM dim_learning_unit u WHERE u.unit_key = s.unit_key)
QUALIFY row_number() OVER (PARTITION BY s.unit_key) = 1;

DELETE FROM stage_fact_learning_activity;
DELETE FROM stage_xapi_voided_statement;
DELETE FROM stage_dim_learning_unit;
DELETE FROM stage_learning_day_touched;
DELETE FROM stage_learning_year;
