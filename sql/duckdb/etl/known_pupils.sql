SELECT pupil_key FROM dim_pupil;
