IF NOT EXISTS (SELECT 1 FROM dbo.user_scope WHERE user_name = @user_name AND scope_kind = @scope_kind AND scope_value = @scope_value)
    INSERT INTO dbo.user_scope (user_name, scope_kind, scope_value) VALUES (@user_name, @scope_kind, @scope_value);
