-- The first rejected board_alight records in file order, with the text the broken rule names, trimmed as CsvSource
-- trims (the importer masks and shortens it and turns the record number into the file's line).
WITH first_rejects AS (
    SELECT record_number, broken_rule FROM board_alight_checked WHERE broken_rule IS NOT NULL ORDER BY record_number LIMIT $limit
)
SELECT f.record_number AS RecordNumber, f.broken_rule AS Rule,
    NULLIF(regexp_replace(
        CASE f.broken_rule
            WHEN 2 THEN r.trip_id
            WHEN 3 THEN r.stop_id
            WHEN 4 THEN r.stop_sequence
            WHEN 5 THEN r.service_date
            WHEN 6 THEN r.boardings
            WHEN 7 THEN r.alightings
            WHEN 8 THEN r.current_load
            WHEN 10 THEN r.stop_sequence
        END, '^[\t-\r\x{85}\p{Z}]+|[\t-\r\x{85}\p{Z}]+$', '', 'g'), '') AS Value
FROM first_rejects f
JOIN board_alight_raw r ON r.rowid + 1 = f.record_number
ORDER BY f.record_number;
