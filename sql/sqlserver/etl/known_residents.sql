SELECT resident_key FROM dbo.dim_resident;
