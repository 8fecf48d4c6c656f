-- The first rejected board_alight records in file order and the rules they broke. The importer reads the text each
-- rule names from the file, in the pass that turns the record numbers into the file's lines.
SELECT TOP (@limit) record_number AS RecordNumber, broken_rule AS [Rule]
FROM #board_alight_checked
WHERE broken_rule IS NOT NULL
ORDER BY record_number;
