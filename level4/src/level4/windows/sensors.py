"""The 13 sensor columns of UCI Air Quality, in the file's order.

A module of its own, with no imports, so the CLI can offer them as choices without
loading pandas.
"""

SENSORS = (
    "CO(GT)",
    "PT08.S1(CO)",
    "NMHC(GT)",
    "C6H6(GT)",
    "PT08.S2(NMHC)",
    "NOx(GT)",
    "PT08.S3(NOx)",
    "NO2(GT)",
    "PT08.S4(NO2)",
    "PT08.S5(O3)",
    "T",
    "RH",
    "AH",
)
