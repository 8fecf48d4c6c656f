-- Batches still 'running' when the warehouse opens were cut off (process killed); their data never committed.
UPDATE etl_batch SET batch_status = 'interrupted', message = '処理が途中で止まったため、取り込まれていません。'
WHERE batch_status = 'running';
