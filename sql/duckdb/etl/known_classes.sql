SELECT class_key FROM dim_class;
