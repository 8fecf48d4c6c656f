SELECT resident_key FROM dim_resident;
