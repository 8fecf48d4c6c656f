SELECT school_key FROM dim_school;
