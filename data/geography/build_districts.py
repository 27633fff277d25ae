#!/usr/bin/env python3
"""Builds districts.csv, the district table embedded in Matcher.Core, from the two source files in sources/.

Master list: INEI 2025 directory (1,891 districts; names, capital altitude, population, coordinates).
Joined on the INEI code with the 2021 augmented file for the RENIEC code, % monetary poverty (INEI district map 2018),
% extreme poverty (INEI map 2013) and IDH 2019. San Antonio (Mariscal Nieto, Moquegua) has no INEI code in the 2021
file and is joined on its RENIEC code 170107 instead; Alto Trujillo (130112) is absent from the 2021 file.
Missing values are left empty. Run from this folder: python3 build_districts.py
"""
import csv

AUGMENTED = "sources/jmcastagnetto_ubigeo_distrito.csv"
INEI_2025 = "sources/michaelsuarez0_ubigeo_inei_2025.csv"
RENIEC_ONLY = {"180107": "170107"}  # INEI 2025 code -> RENIEC code of the 2021 row that has no INEI code


def value(row, column):
    v = row.get(column, "NA") if row else "NA"
    return "" if v in ("NA", "") else v


def main():
    with open(AUGMENTED, encoding="utf-8", newline="") as f:
        augmented = list(csv.DictReader(f))
    by_inei = {r["inei"]: r for r in augmented if r["inei"] != "NA"}
    by_reniec = {r["reniec"]: r for r in augmented if r["reniec"] != "NA"}
    with open(INEI_2025, encoding="utf-8-sig", newline="") as f:
        master = list(csv.DictReader(f, delimiter=";"))

    columns = ["ubigeo", "reniec", "department", "province", "district", "altitude", "latitude", "longitude",
               "population", "povertyPct2018", "extremePovertyPct2013", "idh2019"]
    with open("districts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in sorted(master, key=lambda r: r["ubigeo"]):
            code = r["ubigeo"]
            aug = by_inei.get(code) or by_reniec.get(RENIEC_ONLY.get(code, "-"))
            w.writerow([code, value(aug, "reniec"), r["departamento"], r["provincia"], r["distrito"],
                        r["altitud"], r["latitud"], r["longitud"], r["población"],
                        value(aug, "pct_pobreza_total"), value(aug, "pct_pobreza_extrema"), value(aug, "idh_2019")])


if __name__ == "__main__":
    main()
