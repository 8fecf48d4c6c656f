-- xAPI: the statements a voiding statement removed, kept so that a voided statement is never loaded, whether it
-- arrived in an earlier batch or arrives in a later one; and the staging tables of an xAPI batch.
CREATE TABLE dbo.xapi_voided_statement (
    voided_statement_id  NVARCHAR(100) NOT NULL PRIMARY KEY,
    voiding_statement_id NVARCHAR(100) NOT NULL,
    batch_id             BIGINT NOT NULL
);

SELECT TOP (0) * INTO dbo.stage_xapi_voided_statement FROM dbo.xapi_voided_statement;
SELECT TOP (0) * INTO dbo.stage_dim_learning_unit FROM dbo.dim_learning_unit;

-- Each xAPI batch skips the statement ids already loaded: a rowstore index on the columnstore fact answers that.
CREATE NONCLUSTERED INDEX ix_fact_learning_activity_statement_id ON dbo.fact_learning_activity (statement_id);
