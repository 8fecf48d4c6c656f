-- The first rejected board_alight records in file order, with the text the broken rule names (staged already trimmed;
-- the importer masks and shortens it and turns the record number into the file's line).
SELECT TOP (@limit) c.record_number AS RecordNumber, c.broken_rule AS [Rule],
    CASE c.broken_rule
        WHEN 2 THEN r.trip_id
        WHEN 3 THEN r.stop_id
        WHEN 4 THEN r.stop_sequence
        WHEN 5 THEN r.service_date
        WHEN 6 THEN r.boardings
        WHEN 7 THEN r.alightings
        WHEN 8 THEN r.current_load
        WHEN 10 THEN r.stop_sequence
    END AS Value
FROM #board_alight_checked c
JOIN #board_alight_raw r ON r.record_number = c.record_number
WHERE c.broken_rule IS NOT NULL
ORDER BY c.record_number;
