-- What an xAPI batch left in the warehouse: its learning facts (after duplicates and voids) and the voids it recorded.
SELECT (SELECT COUNT_BIG(*) FROM dbo.fact_learning_activity WHERE batch_id = @batch_id) AS Facts,
       (SELECT COUNT_BIG(*) FROM dbo.xapi_voided_statement WHERE batch_id = @batch_id) AS Voids;
