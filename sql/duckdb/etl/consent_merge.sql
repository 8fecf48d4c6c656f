-- Consent records are history: one row per (resident, scope, date); a corrected file replaces that day's record.
-- The importer has rejected a second record for the same key in one file.
INSERT OR REPLACE INTO consent SELECT * FROM stage_consent;
DELETE FROM stage_consent;
