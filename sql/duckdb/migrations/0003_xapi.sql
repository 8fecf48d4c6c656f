-- xAPI: the statements a voiding statement removed, kept so that a voided statement is never loaded, whether it
-- arrived in an earlier batch or arrives in a later one; and the staging tables of an xAPI batch.
CREATE TABLE xapi_voided_statement (
    voided_statement_id  VARCHAR PRIMARY KEY,     -- the statement removed
    voiding_statement_id VARCHAR NOT NULL,        -- the statement that voided it (verb voided, object StatementRef)
    batch_id             BIGINT NOT NULL
);

CREATE TABLE stage_xapi_voided_statement AS SELECT * FROM xapi_voided_statement LIMIT 0;
CREATE TABLE stage_dim_learning_unit AS SELECT * FROM dim_learning_unit LIMIT 0;
