"""Use cases: báo cáo kết quả, bảng điều khiển."""
