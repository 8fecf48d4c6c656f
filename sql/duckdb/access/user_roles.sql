SELECT role_name FROM app_user_role WHERE user_name = $user_name ORDER BY role_name;
