DELETE FROM dbo.user_scope WHERE user_name = @user_name AND scope_kind = @scope_kind AND scope_value = @scope_value;
