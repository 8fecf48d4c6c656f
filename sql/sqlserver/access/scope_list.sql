SELECT user_name AS UserName, scope_kind AS Kind, scope_value AS Value FROM dbo.user_scope ORDER BY user_name, scope_kind, scope_value;
