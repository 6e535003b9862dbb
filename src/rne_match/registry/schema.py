"""The registry schema, its SQL helpers and the tables derived once all files are in.

Everything that turns raw RNE text into typed, comparable values lives here as DuckDB macros,
so the same rules apply to every file and can be reused from the `sql` command.
"""

from __future__ import annotations

import hashlib
import secrets

import duckdb

from ..domain.territories import DEPARTEMENTS, OLD_DEPARTEMENT_CODES, REGIONS

MANDATE_COLUMNS_LOADED: list[tuple[str, str]] = [
    ("kind", "VARCHAR"),
    ("release", "VARCHAR"),
    ("nom", "VARCHAR"),
    ("prenom", "VARCHAR"),
    ("sexe", "VARCHAR"),
    ("date_naissance", "DATE"),
    ("date_naissance_texte", "VARCHAR"),
    ("fonction", "VARCHAR"),
    ("date_debut_mandat", "DATE"),
    ("date_debut_fonction", "DATE"),
    ("date_fin_fonction", "DATE"),
    ("code_departement", "VARCHAR"),
    ("libelle_departement", "VARCHAR"),
    ("code_commune", "VARCHAR"),
    ("libelle_commune", "VARCHAR"),
    ("code_region", "VARCHAR"),
    ("libelle_region", "VARCHAR"),
    ("code_canton", "VARCHAR"),
    ("libelle_canton", "VARCHAR"),
    ("siren_epci", "VARCHAR"),
    ("libelle_epci", "VARCHAR"),
    ("code_collectivite", "VARCHAR"),
    ("libelle_collectivite", "VARCHAR"),
    ("code_section", "VARCHAR"),
    ("libelle_section", "VARCHAR"),
    ("secteur", "VARCHAR"),
    ("code_circonscription", "VARCHAR"),
    ("libelle_circonscription", "VARCHAR"),
    ("code_nuance", "VARCHAR"),
    ("nuance", "VARCHAR"),
    ("source_file", "VARCHAR"),
    ("source_line", "INTEGER"),
]
MANDATE_COLUMNS_DERIVED: list[tuple[str, str]] = [
    ("person_id", "VARCHAR"),
    ("anomalies", "VARCHAR"),
]

_old_codes = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in OLD_DEPARTEMENT_CODES.items())

MACROS = rf"""
CREATE OR REPLACE MACRO rne_yy(d, birth) AS (
  d + to_years(CAST(
    (CASE WHEN year(d) % 100 <= (year(current_date) - CASE WHEN birth THEN 18 ELSE 0 END) % 100
          THEN 2000 ELSE 1900 END) + year(d) % 100 - year(d) AS INTEGER)));
CREATE OR REPLACE MACRO rne_date(s, birth) AS (
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s[5] = '-' THEN try_cast(s[1:10] AS DATE)
    WHEN s LIKE '%/%/____' THEN CAST(try_strptime(s, '%d/%m/%Y') AS DATE)
    WHEN s LIKE '%/%/__' THEN CAST(rne_yy(try_strptime(s, '%d/%m/%y'), birth) AS DATE)
  END);
CREATE OR REPLACE MACRO rne_sexe(s) AS (
  CASE upper(trim(s)) WHEN 'M' THEN 'M' WHEN 'H' THEN 'M' WHEN 'F' THEN 'F' END);
CREATE OR REPLACE MACRO rne_pad(s, n) AS (
  CASE WHEN s IS NULL THEN NULL
       WHEN regexp_matches(s, '^\d+$') AND length(s) < n THEN lpad(s, n, '0')
       ELSE upper(s) END);
CREATE OR REPLACE MACRO rne_dep(s) AS (
  CASE WHEN s IS NULL THEN NULL
       WHEN regexp_matches(s, '^\d$') THEN '0' || s
       ELSE CASE upper(s) {_old_codes} ELSE upper(s) END END);
CREATE OR REPLACE MACRO rne_commune(c, dep) AS (
  CASE WHEN c IS NULL THEN NULL
       -- Overseas: the département's three digits and the commune's last two (the 2019 files
       -- wrote Mayotte's 97617 as ZM + 517 and Polynésie's 98721 as ZP + 021).
       WHEN regexp_matches(c, '^\d{{1,3}}$') AND regexp_matches(coalesce(dep, ''), '^9[78]\d$')
         THEN dep || right(lpad(c, 3, '0'), 2)
       WHEN regexp_matches(c, '^\d{{1,3}}$') AND dep IS NOT NULL
         THEN dep || lpad(c, 3, '0')
       WHEN regexp_matches(c, '^\d{{4}}$') THEN lpad(c, 5, '0')
       ELSE upper(c) END);
-- A commune lies in the département its code begins with, whatever the file says (a mayor of
-- Sainte-Marie-aux-Mines, 68298, filed under the Collectivité européenne d'Alsace, 6AE).
CREATE OR REPLACE MACRO rne_dep_of_commune(dep, c) AS (
  CASE WHEN c IS NULL OR starts_with(c, coalesce(dep, '-')) THEN dep
       WHEN NOT regexp_matches(c, '^(\d{{5}}|2[AB]\d{{3}})$') THEN dep
       WHEN regexp_matches(c, '^9[78]') THEN left(c, 3)
       ELSE left(c, 2) END);
CREATE OR REPLACE MACRO rne_canton(c, dep) AS (
  CASE WHEN c IS NULL THEN NULL
       WHEN regexp_matches(c, '^\d{{1,2}}$') AND length(dep) = 2 THEN dep || lpad(c, 2, '0')
       WHEN regexp_matches(c, '^\d{{3}}$') THEN lpad(c, 4, '0')
       ELSE upper(c) END);
CREATE OR REPLACE MACRO rne_key(s) AS (
  trim(replace(replace(
    replace(replace(replace(replace(replace(upper(strip_accents(coalesce(s, ''))),
      '-', ' '), '''', ' '), '’', ' '), '.', ' '), ',', ' '),
    '  ', ' '), 'Œ', 'OE')));
"""

SECRET_TABLE = "secrets"  # one row per secret; `sql` refuses to read it (api.query)
PERSON_ID_SECRET = "person_id"
# What identifies a person in the RNE: normalised names, sex and birth date.
PERSON_KEY_SQL = (
    "rne_key(nom) || '|' || rne_key(prenom) || '|' || coalesce(sexe, '?') || '|' "
    "|| coalesce(CAST(date_naissance AS VARCHAR), '?')"
)
PERSON_ID_SQL = f"rne_person_id({PERSON_KEY_SQL})"


def new_secret() -> str:
    return secrets.token_hex(32)


def install_person_id(con: duckdb.DuckDBPyConnection, secret: str) -> None:
    """`rne_person_id(key)`: the first 16 hex digits of HMAC-SHA256(secret, key), in SQL.

    Person ids go into published files, so they must reveal nothing: a plain hash of name, sex and
    birth date gives the date back by trying the ~32,000 days of 1920–2007. HMAC is built from
    DuckDB's `sha256` on bytes (RFC 2104: H(K^opad || H(K^ipad || m))), two hashes per person in
    the engine, no Python per row. The macro is TEMPORARY: it holds the padded key, which must not
    be saved in the base's catalogue where `duckdb_functions()` would show it."""
    key = bytes.fromhex(secret)
    if len(key) > 64:  # HMAC hashes longer keys first; ours are 32 bytes
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    ipad = bytes(b ^ 0x36 for b in key).hex()
    opad = bytes(b ^ 0x5C for b in key).hex()
    con.execute(
        f"""CREATE OR REPLACE TEMP MACRO rne_person_id(k) AS substr(sha256(
              unhex('{opad}') || unhex(sha256(unhex('{ipad}') || encode(k)))), 1, 16)"""
    )


def store_secret(con: duckdb.DuckDBPyConnection, secret: str) -> None:
    con.execute(f"CREATE TABLE IF NOT EXISTS {SECRET_TABLE} (name VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute(f"INSERT OR REPLACE INTO {SECRET_TABLE} VALUES (?, ?)", [PERSON_ID_SECRET, secret])


def read_secret(con: duckdb.DuckDBPyConnection) -> str | None:
    """The person-id secret of a base; None for a base built before ids were keyed."""
    try:
        rows = con.execute(f"SELECT value FROM {SECRET_TABLE} WHERE name = ?", [PERSON_ID_SECRET]).fetchall()
    except duckdb.CatalogException:
        return None
    return rows[0][0] if rows else None


ANOMALIES_SQL = """nullif(concat_ws(', ',
    CASE WHEN date_naissance IS NULL AND date_naissance_texte IS NOT NULL
         THEN 'date de naissance illisible' END,
    CASE WHEN date_naissance < DATE '1900-01-01'
           OR date_naissance > current_date - INTERVAL 18 YEAR
         THEN 'date de naissance improbable' END,
    CASE WHEN sexe IS NULL THEN 'sexe absent' END), '')"""


def install_macros(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(MACROS)


def create_registry_tables(con: duckdb.DuckDBPyConnection, secret: str) -> None:
    install_macros(con)
    store_secret(con, secret)
    install_person_id(con, secret)
    cols = ", ".join(f"{n} {t}" for n, t in MANDATE_COLUMNS_LOADED + MANDATE_COLUMNS_DERIVED)
    con.execute(f"CREATE TABLE mandates ({cols})")
    con.execute(
        """CREATE TABLE rejects (source_file VARCHAR, source_line INTEGER, reason VARCHAR,
                                 content VARCHAR)"""
    )
    con.execute(
        """CREATE TABLE releases (source_file VARCHAR, release VARCHAR, kind VARCHAR,
             kind_from_name VARCHAR, format VARCHAR, sha1 VARCHAR, rows_loaded BIGINT,
             rows_rejected BIGINT, notes VARCHAR, loaded_at TIMESTAMP)"""
    )


def finish_registry(con: duckdb.DuckDBPyConnection) -> None:
    """Derived columns and tables, computed once in SQL over all loaded files."""
    con.execute(
        """
        CREATE TABLE persons AS
        SELECT person_id, any_value(nom) AS nom, any_value(prenom) AS prenom,
               any_value(sexe) AS sexe, any_value(date_naissance) AS date_naissance,
               count(*) AS n_mandats, list_sort(list_distinct(list(kind))) AS kinds
        FROM mandates GROUP BY person_id
        """
    )
    install_territories(con)


def install_territories(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE OR REPLACE TABLE departements (code_departement VARCHAR PRIMARY KEY, "
        "libelle_departement VARCHAR, code_region VARCHAR)"
    )
    con.executemany(
        "INSERT INTO departements VALUES (?, ?, ?)",
        [[code, name, reg] for code, (name, reg) in DEPARTEMENTS.items()],
    )
    con.execute(
        "CREATE OR REPLACE TABLE regions (code_region VARCHAR PRIMARY KEY, libelle_region VARCHAR)"
    )
    con.executemany("INSERT INTO regions VALUES (?, ?)", [list(kv) for kv in REGIONS.items()])
    # Communes as the registry names them (the most frequent label wins for a code).
    con.execute(
        """
        CREATE OR REPLACE TABLE communes AS
        SELECT code_commune, arg_max(libelle_commune, n) AS libelle_commune,
               arg_max(code_departement, n) AS code_departement
        FROM (SELECT code_commune, libelle_commune, code_departement, count(*) AS n
              FROM mandates WHERE code_commune IS NOT NULL AND libelle_commune IS NOT NULL
              GROUP BY ALL)
        GROUP BY code_commune
        """
    )
