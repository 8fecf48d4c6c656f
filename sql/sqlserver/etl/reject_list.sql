SELECT TOP (@limit) source_part AS SourcePart, line_number AS LineNumber, field_name AS FieldName, reason AS Reason, masked_value AS MaskedValue
FROM dbo.etl_reject
WHERE batch_id = @batch_id
ORDER BY source_part, line_number;
