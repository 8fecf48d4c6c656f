-- Consent records are history: one row per (resident, scope, date); a corrected file replaces that day's record.
-- The importer has rejected a second record for the same key in one file.
DELETE c FROM dbo.consent c
WHERE EXISTS (SELECT 1 FROM dbo.stage_consent s
              WHERE s.resident_key = c.resident_key AND s.consent_scope = c.consent_scope AND s.recorded_on = c.recorded_on);
INSERT INTO dbo.consent (resident_key, consent_scope, consent_status, recorded_on, batch_id)
SELECT resident_key, consent_scope, consent_status, recorded_on, batch_id FROM dbo.stage_consent;
DELETE FROM dbo.stage_consent;
