"""Use cases: thống kê đảng viên, tổ chức đảng."""
