INSERT INTO audit_log (occurred_at, user_name, action, target, filter_text, row_count)
VALUES ($occurred_at, $user_name, $action, $target, $filter_text, $row_count);
