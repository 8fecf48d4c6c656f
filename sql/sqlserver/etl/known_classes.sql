SELECT class_key FROM dbo.dim_class;
