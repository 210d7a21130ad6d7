"""Liên thông dữ liệu giữa các hệ thống."""
