UPDATE dbo.app_user
SET failed_sign_ins = failed_sign_ins + 1,
    locked_until = CASE WHEN failed_sign_ins + 1 >= @max_failures THEN @lock_until ELSE locked_until END
WHERE user_name = @user_name;
