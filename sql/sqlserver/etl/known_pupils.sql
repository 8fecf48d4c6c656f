SELECT pupil_key FROM dbo.dim_pupil;
