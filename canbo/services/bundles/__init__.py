"""Use cases: liên thông dữ liệu giữa các hệ thống."""
