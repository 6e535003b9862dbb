"""Seeded, labelled signature lists drawn from a loaded registry, to measure the matcher.

Real officials are written the ways people write (case, order, accents, typos, short first names,
civility, married names, free mandate phrasing); impostors are invented people, real names with
a mandate they do not hold, and holders of mandates outside the policy; homonym traps state a
place that only one of several same-name persons fits. Every row carries its expected status.
"""

from __future__ import annotations

import random
import unicodedata

import polars as pl

from ..domain.mandates import ELIGIBLE_DEFAULT, POLICY_GROUPS
from ..domain.text import fold
from ..inputs import SignatureTable, detect_roles
from ..matching.pipeline import verify_table
from ..registry.view import Registry

NOISES = ["propre", "casse", "ordre", "accents", "faute_nom", "prenom_court", "tirets",
          "civilite", "formulation", "sans_departement", "nom_complet_majuscules", "epouse",
          # What real petitions taught (issue 10): abbreviated mandates, the place in brackets or
          # after a dash, compound initials, a civility left in the name, the commune after the
          # name, a département given as its number.
          "abreviation", "lieu_ponctue", "initiales", "civilite_dans_le_nom", "lieu_apres_nom",
          "departement_en_chiffres"]

# How signers shorten a mandate (the feminine forms are the same abbreviations).
_ABBREVIATIONS = {"conseiller municipal": ("CM", "cons. mun.", "conseiller mun."),
                  "conseillère municipale": ("CM", "cons. mun.", "élue municipale"),
                  "adjoint au maire": ("adj.", "1er adjoint", "maire-adjoint"),
                  "adjointe au maire": ("adj.", "1ère adjointe", "maire-adjointe"),
                  "conseiller départemental": ("CD", "cons. dép.", "conseiller dép."),
                  "conseillère départementale": ("CD", "cons. dép.", "conseillère dép."),
                  "conseiller régional": ("CR", "cons. rég."), "conseillère régionale": ("CR", "cons. rég."),
                  "maire": ("Maire", "M. le Maire"), }

_FEM = {"conseiller municipal": "conseillère municipale", "adjoint au maire": "adjointe au maire",
        "conseiller départemental": "conseillère départementale",
        "conseiller régional": "conseillère régionale", "conseiller d'arrondissement":
        "conseillère d'arrondissement", "conseiller": "conseillère", "maire délégué": "maire déléguée"}


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _typo(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    op = rng.choice(["swap", "drop", "double", "replace"])
    if op == "swap":
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == "drop":
        return s[:i] + s[i + 1:]
    if op == "double":
        return s[:i] + s[i] + s[i:]
    return s[:i] + rng.choice("aeioulnrst") + s[i + 1:]


def _mandate_text(rng: random.Random, m: dict, sexe: str | None, noise: str) -> str:
    kind, fonction = m["kind"], (m["fonction"] or "")
    place = m["libelle_commune"] or m["territoire"] or ""
    if kind == "mai" or fonction.lower() == "maire":
        base = "maire"
    elif "adjoint" in fonction.lower():
        base = "adjoint au maire"
    elif fonction.lower().startswith("maire délégué"):
        base = "maire délégué"
    elif kind == "cm":
        base = "conseiller municipal"
    elif kind == "ca":
        base, place = "conseiller d'arrondissement", m["territoire"] or place
    elif kind == "cd":
        base, place = "conseiller départemental", m["libelle_departement"] or ""
    elif kind == "cr":
        base, place = "conseiller régional", m["territoire"] or ""
    else:
        base, place = "conseiller", m["territoire"] or ""
    if sexe == "F":
        base = _FEM.get(base, base)
    if noise == "formulation":
        place = place.replace("Saint-", "St-").replace("Sainte-", "Ste-")
        base = rng.choice([base, base.capitalize(), base.replace("conseillère", "Conseillère")])
        if base.startswith(("maire", "adjoint")) and rng.random() < 0.5:
            base = base.replace("adjoint au maire", "maire-adjoint")
    if noise == "abreviation":
        base = rng.choice(_ABBREVIATIONS.get(base, (base,)))
        if base == "M. le Maire" and sexe == "F":
            base = rng.choice(["Mme le Maire", "Mairesse"])
    dep = m["code_departement"]
    if noise == "departement_en_chiffres" and kind in ("cd", "cr") and dep:
        return f"{base} {rng.choice(['', '- ', '('])}{dep}".replace(f"({dep}", f"({dep})")
    if noise == "lieu_ponctue" and place:
        return rng.choice([f"{base} ({place})", f"{base} - {place}", f"{base} de {place} [{dep}]" if dep
                           else f"{base} ({place})", f"{base.capitalize()} – {place}"])
    if noise == "lieu_apres_nom":
        return base
    sep = rng.choice([" de ", " de ", " à ", ", ", " - "])
    text = f"{base}{sep}{place}"
    if dep and noise != "sans_departement" and kind in POLICY_GROUPS["municipal"] and rng.random() < 0.6:
        text += f" ({dep})"
    return text


def _write_name(rng: random.Random, nom: str, prenom: str, noise: str, full: bool) -> tuple[str, str, str]:
    """(nom, prenom, nom_complet) as the signer writes them."""
    if noise == "casse":
        nom, prenom = rng.choice([(nom.lower(), prenom.lower()), (nom.title(), prenom.upper())])
    elif noise == "accents":
        nom, prenom = _strip_accents(nom), _strip_accents(prenom)
    elif noise == "faute_nom":
        nom = _typo(rng, nom)
    elif noise == "prenom_court":
        parts = prenom.replace("-", " ").split()
        prenom = parts[0] if len(parts) > 1 else (prenom[0] + "." if rng.random() < 0.3 else prenom)
    elif noise == "tirets":
        nom, prenom = nom.replace(" ", "-"), prenom.replace("-", " ")
    elif noise == "civilite":
        nom = nom.title()
    elif noise == "initiales" and len(parts := prenom.replace(" ", "-").split("-")) > 1:
        prenom = "-".join(f"{w[0]}." for w in parts if w)

    if full or noise in ("ordre", "nom_complet_majuscules"):
        if noise == "ordre":
            return "", "", f"{prenom} {nom.title()}"
        return "", "", rng.choice([f"{nom.upper()} {prenom}", f"{prenom} {nom.upper()}"])
    return nom, prenom, ""


# Party as signers write it, several spellings per party (coverage by party must merge them).
PARTY_WRITINGS = ("EELV", "Les Écologistes", "Europe Écologie Les Verts", "les écologistes - EELV", "LFI",
                  "La France insoumise", "PS", "Parti socialiste", "PCF", "Génération.s", "Place publique",
                  "sans étiquette", "SE", "", "", "DVG", "divers gauche", "EELV / Génération.s", "NPA",
                  "Liste citoyenne")


def generate(registry: Registry, n: int, seed: int = 0, eligible: frozenset[str] = ELIGIBLE_DEFAULT,
             share_impostors: float = 0.2, share_homonyms: float = 0.05) -> pl.DataFrame:
    rng = random.Random(seed)
    # Person ids are keyed by a secret drawn for each new base: order by what the people are, so
    # that a seed draws the same signatures from every base built from the same files.
    where = registry.mandates.group_by("person_id").agg(
        pl.concat_str(pl.col("kind"), pl.col("code_commune").fill_null(""), pl.col("territoire").fill_null(""),
                      pl.col("fonction").fill_null("")).sort().str.join("|").alias("_where"))
    persons = registry.persons.join(where, on="person_id", how="left").sort(
        "nom", "prenom", "sexe", "_where", "person_id", nulls_last=True).drop("_where")
    rank = persons.select("person_id", pl.int_range(pl.len()).alias("_p"))
    needed = ["person_id", "kind", "fonction", "code_commune", "libelle_commune", "commune_f", "territoire",
              "code_departement", "libelle_departement"]
    m = registry.mandates.select(needed).join(rank, on="person_id").sort(
        "_p", "kind", "code_commune", "territoire", "fonction", nulls_last=True).drop("_p")
    elig_m = m.filter(pl.col("kind").is_in(list(eligible)) & pl.col("territoire").is_not_null())
    inel_ids = set(m.filter(~pl.col("kind").is_in(list(eligible)))["person_id"].to_list()) - set(
        elig_m["person_id"].to_list())
    n_imp = int(n * share_impostors)
    n_hom = int(n * share_homonyms)
    n_real = n - n_imp - n_hom
    # One mandate per official, sampled without replacement; seeds make the draw repeatable.
    officials = elig_m.sample(n=min(n_real, elig_m.height), seed=seed, shuffle=True).unique(
        "person_id", keep="first", maintain_order=True)
    pinfo = {r["person_id"]: r for r in persons.select("person_id", "nom", "prenom", "sexe").iter_rows(named=True)}
    rows: list[dict] = []
    for mand in officials.iter_rows(named=True):
        p = pinfo[mand["person_id"]]
        noise = rng.choice(NOISES)
        nom, prenom = p["nom"], p["prenom"] or ""
        if noise == "epouse" and p["sexe"] == "F":
            other = persons["nom"][rng.randrange(persons.height)]
            nom_written = f"{other} épouse {nom}" if rng.random() < 0.5 else f"{nom} née {other}"
            nom_w, prenom_w, full_w = nom_written, prenom, ""
        else:
            nom_w, prenom_w, full_w = _write_name(rng, nom, prenom, noise, rng.random() < 0.3)
        if noise == "civilite_dans_le_nom":  # the civility of the signer's own sex, inside the name cell
            title = rng.choice(["Mme.", "Madame", "Dr"] if p["sexe"] == "F" else ["Mr", "M.", "Dr"])
            full_w = f"{title} {prenom} {nom.upper()}"
            nom_w = prenom_w = ""
        if noise == "lieu_apres_nom":  # « Gwenaëlle Le Goff (Paris 19e) », the mandate without place
            where = mand["libelle_commune"] or mand["territoire"] or ""
            nom_w, prenom_w, full_w = "", "", f"{prenom} {nom} ({where})"
        civ = ("Mme" if p["sexe"] == "F" else "M.") if noise == "civilite" else ""
        rows.append({"civilite": civ, "nom": nom_w, "prenom": prenom_w, "nom_complet": full_w,
                     "mandat": _mandate_text(rng, mand, p["sexe"], noise),
                     "attendu": "verified", "attendu_person_id": mand["person_id"], "bruit": noise,
                     "groupe": "elu"})
    # Impostors 1: invented people (a real first name with a real but unrelated surname pattern).
    all_noms = persons["nom"].to_list()
    all_prenoms = persons["prenom"].to_list()
    known = set(zip(persons["nom_f"].to_list(), persons["prenom_f"].to_list(), strict=True))
    k = 0
    while k < n_imp // 2:
        nom = all_noms[rng.randrange(len(all_noms))]
        prenom = all_prenoms[rng.randrange(len(all_prenoms))] or "Camille"
        if (fold(nom), fold(prenom)) in known:
            continue
        mand = elig_m.row(rng.randrange(elig_m.height), named=True)
        rows.append({"civilite": "", "nom": nom, "prenom": prenom, "nom_complet": "",
                     "mandat": _mandate_text(rng, mand, None, "propre"), "attendu": "not_found",
                     "attendu_person_id": None, "bruit": "inventé", "groupe": "imposteur"})
        k += 1
    # Impostors 2: a real official's name with a mandate in a place where they hold none.
    sample = elig_m.sample(n=max(1, n_imp // 4), seed=seed + 1)
    places = dict(m.group_by("person_id").agg(pl.col("code_departement").unique()).filter(
        pl.col("person_id").is_in(sample["person_id"].implode())).iter_rows())
    for mand in sample.iter_rows(named=True):
        p = pinfo[mand["person_id"]]
        wrong = elig_m.row(rng.randrange(elig_m.height), named=True)
        if wrong["code_departement"] in places[p["person_id"]]:
            continue
        rows.append({"civilite": "", "nom": p["nom"], "prenom": p["prenom"] or "", "nom_complet": "",
                     "mandat": _mandate_text(rng, wrong, p["sexe"], "propre"), "attendu": "not_verified",
                     "attendu_person_id": None, "bruit": "mauvais_mandat", "groupe": "imposteur"})
    # Impostors 3: holders of mandates outside the policy only (senators, MEPs…).
    inel = persons.filter(pl.col("person_id").is_in(list(inel_ids)))["person_id"].to_list()
    rng.shuffle(inel)
    first_mandate = {r["person_id"]: r for r in m.filter(pl.col("person_id").is_in(inel)).unique(
        "person_id", keep="first", maintain_order=True).iter_rows(named=True)}
    for pid in inel[: n_imp - n_imp // 2 - n_imp // 4]:
        p = pinfo[pid]
        mand = first_mandate[pid]
        rows.append({"civilite": "", "nom": p["nom"], "prenom": p["prenom"] or "", "nom_complet": "",
                     "mandat": _mandate_text(rng, mand, p["sexe"], "propre"), "attendu": "not_eligible",
                     "attendu_person_id": pid, "bruit": "hors_politique", "groupe": "imposteur"})
    # Homonym traps: a name borne by several persons, stated with the place of one of them.
    hom = persons.filter(pl.len().over(["nom_f", "prenom_f"]) >= 2)
    hom_ids = hom["person_id"].to_list()
    rng.shuffle(hom_ids)
    hom_mandate = {r["person_id"]: r for r in elig_m.filter(pl.col("person_id").is_in(hom_ids[: n_hom * 2]))
                   .unique("person_id", keep="first", maintain_order=True).iter_rows(named=True)}
    n_written = 0
    for pid in hom_ids[: n_hom * 2]:
        if n_written >= n_hom:
            break
        p = pinfo[pid]
        mand = hom_mandate.get(pid)
        if mand is None:
            continue
        state_place = rng.random() < 0.7
        text = _mandate_text(rng, mand, p["sexe"], "propre") if state_place else "conseiller municipal"
        rows.append({"civilite": "", "nom": p["nom"], "prenom": p["prenom"] or "", "nom_complet": "",
                     "mandat": text, "attendu": "verified_or_review" if state_place else "ambiguous",
                     "attendu_person_id": pid, "bruit": "homonyme" + ("" if state_place else "_sans_lieu"),
                     "groupe": "homonyme"})
        n_written += 1
    # Impostors 5: plain councillors who call themselves mayor (identified, but not what they say).
    plain = m.filter((pl.col("kind") == "cm") & pl.col("fonction").is_null() & pl.col("libelle_commune").is_not_null())
    if plain.height:
        for mand in plain.sample(n=min(max(1, n_imp // 8), plain.height), seed=seed + 3).iter_rows(named=True):
            p = pinfo[mand["person_id"]]
            rows.append({"civilite": "", "nom": p["nom"], "prenom": p["prenom"] or "", "nom_complet": "",
                         "mandat": f"maire de {mand['libelle_commune']}", "attendu": "verified_other_mandate",
                         "attendu_person_id": mand["person_id"], "bruit": "se_dit_maire", "groupe": "imposteur"})
    # Impostors 6: chimeras — a real official's surname and place with a first name of the other
    # sex that no holder of that surname bears (« Patrick GRANET, maire de X » for Patricia).
    # A pool of first names per sex, and the first names of the drawn surnames only: the whole
    # registry as Python lists would weigh more than the verification being measured.
    by_sex = {}
    for sx in ("F", "M"):
        pool = persons.filter((pl.col("sexe") == sx) & pl.col("prenom").is_not_null()).select("prenom")
        by_sex[sx] = pool.sample(n=min(5000, pool.height), seed=seed + 5)["prenom"].to_list() if pool.height else []
    chimeras = elig_m.filter(pl.col("libelle_commune").is_not_null()).sample(
        n=min(max(1, n_imp // 8), elig_m.height), seed=seed + 4)
    surnames = persons.filter(pl.col("person_id").is_in(chimeras["person_id"].implode()))["nom_f"]
    first_names = dict(persons.filter(pl.col("nom_f").is_in(surnames.implode())).group_by("nom_f").agg(
        pl.col("prenom_f")).iter_rows())
    for mand in chimeras.iter_rows(named=True):
        p = pinfo[mand["person_id"]]
        other = by_sex.get("M" if p["sexe"] == "F" else "F") or []
        if not other:
            continue
        prenom = other[rng.randrange(len(other))]
        # Not even as a first given name: « Jean » written for Jean-Pierre is that person.
        borne = {f.split(" ")[0] for f in first_names.get(fold(p["nom"]), [])}
        if fold(prenom).split(" ")[0] in borne:
            continue
        rows.append({"civilite": "", "nom": p["nom"], "prenom": prenom, "nom_complet": "",
                     "mandat": _mandate_text(rng, mand, None, "propre"), "attendu": "not_verified",
                     "attendu_person_id": None, "bruit": "chimere_autre_sexe", "groupe": "imposteur"})
    # Impostors 4: people who left office, when the base also holds an older release. They state
    # the mandate they used to hold.
    former = registry.former
    if former is not None and former.persons.height:
        # A person whose name or first name was respelled between releases gets a new id while
        # still in office (« DUFOUR-LORIOLLE Yannick Alain » → « Yannick »): not an impostor.
        # Likewise a surname respelled by one letter (« SIMERMANN » → « SIMERMAN ») with the same
        # first name in the same commune: the same mayor, still in office.
        first_word = pl.col("nom_f").str.split(" ").list.first().alias("w")
        still_here = m.join(persons.select("person_id", first_word, "prenom_f"), on="person_id").select(
            "commune_f", "w", "prenom_f")
        gone = former.mandates.filter(pl.col("territoire").is_not_null()).unique(
            "person_id", keep="first", maintain_order=True).join(
            former.persons.select("person_id", first_word, "prenom_f"), on="person_id").join(
            still_here.drop("prenom_f"), on=["commune_f", "w"], how="anti", nulls_equal=False).join(
            still_here.drop("w"), on=["commune_f", "prenom_f"], how="anti", nulls_equal=False).sort("person_id")
        gone = gone.sample(n=min(max(1, n_imp // 4), gone.height), seed=seed + 2)
        finfo = {r["person_id"]: r for r in former.persons.select("person_id", "nom", "prenom", "sexe").iter_rows(named=True)}
        for mand in gone.iter_rows(named=True):
            p = finfo[mand["person_id"]]
            rows.append({"civilite": "", "nom": p["nom"], "prenom": p["prenom"] or "", "nom_complet": "",
                         "mandat": _mandate_text(rng, mand, p["sexe"], "propre"), "attendu": "not_found",
                         "attendu_person_id": None, "bruit": "a_quitte_son_mandat", "groupe": "imposteur"})
    rng.shuffle(rows)
    for row in rows:  # drawn after the shuffle so that adding parties changed no earlier draw
        row["parti"] = rng.choice(PARTY_WRITINGS)
    return pl.DataFrame(rows, schema={"civilite": pl.String, "nom": pl.String, "prenom": pl.String,
                                      "nom_complet": pl.String, "mandat": pl.String, "parti": pl.String,
                                      "attendu": pl.String,
                                      "attendu_person_id": pl.String, "bruit": pl.String, "groupe": pl.String})


SIGNATURE_COLUMNS = ["civilite", "nom", "prenom", "nom_complet", "mandat"]


def verify_labelled(registry: Registry, labelled: pl.DataFrame) -> tuple[pl.DataFrame, float]:
    """Verify a labelled set as an organiser would (the signature columns only) and put the
    decisions next to the labels: what the benchmark and the accuracy tests compare."""
    signatures = labelled.select(SIGNATURE_COLUMNS)
    result = verify_table(SignatureTable(None, signatures, detect_roles(signatures.columns)), registry)
    decisions = result.frame.select("status", "rne_person_id", "reason")
    return pl.concat([labelled, decisions], how="horizontal"), result.seconds
