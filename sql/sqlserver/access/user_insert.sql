INSERT INTO dbo.app_user (user_name, display_name, email, password_hash, failed_sign_ins, locked_until, created_at)
VALUES (@user_name, @display_name, @email, @password_hash, 0, NULL, @created_at);
