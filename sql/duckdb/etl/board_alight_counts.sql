-- What the check of a board_alight file found: records read and rejected, and the days the accepted ones cover.
SELECT CAST(count(*) AS BIGINT) AS RowsRead, CAST(count(broken_rule) AS BIGINT) AS RowsRejected,
    min(date_key) FILTER (WHERE broken_rule IS NULL) AS FirstDateKey, max(date_key) FILTER (WHERE broken_rule IS NULL) AS LastDateKey
FROM board_alight_checked;
