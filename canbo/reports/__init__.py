"""Báo cáo kết quả, bảng điều khiển."""
