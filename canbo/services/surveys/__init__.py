"""Use cases: yêu cầu báo cáo, khảo sát."""
