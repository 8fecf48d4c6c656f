IF NOT EXISTS (SELECT 1 FROM dbo.app_user_role WHERE user_name = @user_name AND role_name = @role_name)
    INSERT INTO dbo.app_user_role (user_name, role_name) VALUES (@user_name, @role_name);
