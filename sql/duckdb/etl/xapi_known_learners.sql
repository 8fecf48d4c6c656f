-- The pupils an xAPI actor can be matched to, with the identifiers statements carry. Read once per batch.
SELECT p.pupil_key AS PupilKey, i.user_master_identifier AS UserMasterIdentifier, i.username AS Username, i.email AS Email
FROM dim_pupil p
LEFT JOIN pupil_identity i ON i.pupil_key = p.pupil_key;
