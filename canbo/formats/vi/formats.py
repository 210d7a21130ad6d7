"""Vietnamese formats as official papers write them: dates dd/mm/yyyy, times 14:30, decimal
comma and thousands dot (1.234,5). Django's own Vietnamese formats spell dates out ("Ngày 6
tháng 12 năm 2026") and use dashes in short dates; forms still read and write ISO dates (the
browser's date picker), so no input format is set here."""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "d/m"
YEAR_MONTH_FORMAT = "m/Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
