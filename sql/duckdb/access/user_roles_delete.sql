DELETE FROM app_user_role WHERE user_name = $user_name;
