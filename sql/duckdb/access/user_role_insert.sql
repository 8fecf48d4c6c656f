INSERT INTO app_user_role (user_name, role_name) VALUES ($user_name, $role_name) ON CONFLICT DO NOTHING;
