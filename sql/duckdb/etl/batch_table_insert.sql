INSERT INTO etl_batch_table (batch_id, table_name, rows_read, rows_loaded, rows_rejected)
VALUES ($batch_id, $table_name, $rows_read, $rows_loaded, $rows_rejected);
