DELETE FROM dbo.app_user_role WHERE user_name = @user_name AND role_name = @role_name;
