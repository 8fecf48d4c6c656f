SELECT u.user_name AS UserName, u.display_name AS DisplayName, u.email AS Email,
       STRING_AGG(r.role_name, N', ') WITHIN GROUP (ORDER BY r.role_name) AS Roles, u.locked_until AS LockedUntil
FROM dbo.app_user u LEFT JOIN dbo.app_user_role r ON r.user_name = u.user_name
GROUP BY u.user_name, u.display_name, u.email, u.locked_until
ORDER BY u.user_name;
