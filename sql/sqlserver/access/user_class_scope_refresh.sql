-- Recomputes user_class_scope from its rule (user_class_scope_rule) for one user (@user_name), or for every user
-- (NULL): after a change of the user's roles or scopes, and after each roster batch, in the same transaction.
DELETE FROM dbo.user_class_scope WHERE @user_name IS NULL OR user_name = @user_name;
INSERT INTO dbo.user_class_scope (user_name, class_key, class_no, school_key, fiscal_year)
SELECT user_name, class_key, class_no, school_key, fiscal_year FROM dbo.user_class_scope_rule
WHERE @user_name IS NULL OR user_name = @user_name;
