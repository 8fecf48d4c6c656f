UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE user_name = $user_name;
