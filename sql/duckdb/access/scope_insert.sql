INSERT INTO user_scope (user_name, scope_kind, scope_value) VALUES ($user_name, $scope_kind, $scope_value) ON CONFLICT DO NOTHING;
