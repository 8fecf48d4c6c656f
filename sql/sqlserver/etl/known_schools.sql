SELECT school_key FROM dbo.dim_school;
