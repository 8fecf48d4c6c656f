SELECT u.user_name AS UserName, u.display_name AS DisplayName, u.email AS Email,
       string_agg(r.role_name, ', ' ORDER BY r.role_name) AS Roles, u.locked_until AS LockedUntil
FROM app_user u LEFT JOIN app_user_role r ON r.user_name = u.user_name
GROUP BY u.user_name, u.display_name, u.email, u.locked_until
ORDER BY u.user_name;
