"""Yêu cầu báo cáo, khảo sát."""
