-- What the check of a board_alight file found: records read and rejected, and the days the accepted ones cover.
SELECT COUNT_BIG(*) AS RowsRead, COUNT_BIG(broken_rule) AS RowsRejected,
    MIN(CASE WHEN broken_rule IS NULL THEN date_key END) AS FirstDateKey, MAX(CASE WHEN broken_rule IS NULL THEN date_key END) AS LastDateKey
FROM #board_alight_checked;
