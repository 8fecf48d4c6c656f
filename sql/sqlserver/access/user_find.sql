SELECT user_name AS UserName, display_name AS DisplayName, email AS Email, password_hash AS PasswordHash,
       failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil
FROM dbo.app_user WHERE user_name = @user_name;
