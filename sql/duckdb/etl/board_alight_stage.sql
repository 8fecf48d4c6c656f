-- A board_alight.txt as DuckDB's own reader splits it: one row per record, in file order (rowid + 1 is the record
-- number, since CREATE TABLE … AS keeps the order of a single scan), each field as the file has it, an empty one NULL.
-- {columns} is filled in by CsvStaging from BoardAlightImporter's fixed column list, never from the file: a column the
-- header lacks is NULL. The reader is told the format rather than left to guess it (a guessed comment character or
-- skipped first lines would lose records); $parallel is false for a file with a line break inside quotes, which the
-- parallel reader cannot combine with NULL-padding short records. Returns the number of records.
CREATE OR REPLACE TEMP TABLE board_alight_raw AS
SELECT {columns}
FROM read_csv($path, header = true, delim = ',', quote = '"', escape = '"', comment = '', skip = 0,
    all_varchar = true, null_padding = true, parallel = $parallel);
SELECT count(*) FROM board_alight_raw;
