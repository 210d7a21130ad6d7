"""Thống kê đảng viên, tổ chức đảng."""
