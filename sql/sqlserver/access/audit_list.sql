-- Newest first; each filter is optional (NULL matches everything).
SELECT TOP (@max_rows) audit_id AS AuditId, occurred_at AS OccurredAt, user_name AS UserName, action AS Action, target AS Target,
       filter_text AS FilterText, row_count AS [RowCount]
FROM dbo.audit_log
WHERE (@user_name IS NULL OR user_name = @user_name)
  AND (@action IS NULL OR action = @action)
  AND (@from_time IS NULL OR occurred_at >= @from_time)
  AND (@to_time IS NULL OR occurred_at < @to_time)
ORDER BY audit_id DESC;
