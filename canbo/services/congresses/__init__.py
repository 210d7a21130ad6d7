"""Party congresses: the congress, its roll, the people not convened, the credentials review,
the working bodies and the base of the majority test (QĐ 190-QĐ/TW, HD 04-HD/TW)."""
