"""Keys by purpose: from the environment or an owner-only key file; production has no fallback
and keeps key files out of the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from canbo.settings.keys import AUDIT, VOTER_CODE, load_keys

AUDIT_VALUE = "a" * 43
CODE_VALUE = "c" * 43


def key_file(folder: Path, name: str, value: str, mode: int = 0o600) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(value + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def test_production_refuses_to_start_without_the_audit_key_and_names_it(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match=AUDIT):
        load_keys({VOTER_CODE: CODE_VALUE}, data_dir=tmp_path, derive_from=None)


def test_production_refuses_to_start_without_the_voter_code_key_and_names_it(
    tmp_path: Path,
) -> None:
    with pytest.raises(ImproperlyConfigured, match=VOTER_CODE):
        load_keys({AUDIT: AUDIT_VALUE}, data_dir=tmp_path, derive_from=None)


def test_production_takes_both_keys_from_the_environment(tmp_path: Path) -> None:
    keys = load_keys(
        {AUDIT: AUDIT_VALUE, VOTER_CODE: CODE_VALUE}, data_dir=tmp_path, derive_from=None
    )
    assert keys.audit == AUDIT_VALUE.encode() and keys.voter_code == CODE_VALUE.encode()
    assert not keys.is_derived


def test_production_takes_keys_from_owner_only_files_outside_the_data_folder(
    tmp_path: Path,
) -> None:
    data, secrets = tmp_path / "data", tmp_path / "keys"
    data.mkdir()
    env = {
        f"{AUDIT}_FILE": str(key_file(secrets, "audit", AUDIT_VALUE)),
        f"{VOTER_CODE}_FILE": str(key_file(secrets, "codes", CODE_VALUE)),
    }
    keys = load_keys(env, data_dir=data, derive_from=None)
    assert keys.audit == AUDIT_VALUE.encode() and keys.voter_code == CODE_VALUE.encode()
    assert "FILE" in keys.sources[AUDIT]


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_a_key_file_readable_by_group_or_others_is_refused(tmp_path: Path, mode: int) -> None:
    path = key_file(tmp_path / "keys", "audit", AUDIT_VALUE, mode)
    env = {f"{AUDIT}_FILE": str(path), VOTER_CODE: CODE_VALUE}
    with pytest.raises(ImproperlyConfigured, match="chmod 600"):
        load_keys(env, data_dir=tmp_path / "data", derive_from=None)
    with pytest.raises(ImproperlyConfigured, match="group or others"):
        load_keys(env, data_dir=tmp_path / "data", derive_from="dev-secret")


def test_production_refuses_a_key_file_inside_the_data_folder(tmp_path: Path) -> None:
    path = key_file(tmp_path / "data" / "keys", "audit", AUDIT_VALUE)
    env = {f"{AUDIT}_FILE": str(path), VOTER_CODE: CODE_VALUE}
    with pytest.raises(ImproperlyConfigured, match="inside the data folder"):
        load_keys(env, data_dir=tmp_path / "data", derive_from=None)


def test_production_refuses_the_same_key_for_both_purposes(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="different"):
        load_keys(
            {AUDIT: AUDIT_VALUE, VOTER_CODE: AUDIT_VALUE}, data_dir=tmp_path, derive_from=None
        )


@pytest.mark.parametrize("value", ["short", " " * 40])
def test_a_short_key_is_refused(tmp_path: Path, value: str) -> None:
    env = {AUDIT: AUDIT_VALUE, f"{VOTER_CODE}_FILE": str(key_file(tmp_path, "c", value))}
    with pytest.raises(ImproperlyConfigured, match="too short"):
        load_keys(env, data_dir=tmp_path / "data", derive_from=None)


def test_a_key_given_twice_is_refused(tmp_path: Path) -> None:
    env = {AUDIT: AUDIT_VALUE, f"{AUDIT}_FILE": str(key_file(tmp_path, "a", AUDIT_VALUE))}
    with pytest.raises(ImproperlyConfigured, match="not both"):
        load_keys(env, data_dir=tmp_path, derive_from="dev-secret")


def test_a_missing_key_file_is_refused_with_its_variable(tmp_path: Path) -> None:
    env = {f"{AUDIT}_FILE": str(tmp_path / "nowhere")}
    with pytest.raises(ImproperlyConfigured, match=f"{AUDIT}_FILE"):
        load_keys(env, data_dir=tmp_path, derive_from="dev-secret")


def test_development_derives_distinct_keys_from_the_secret_and_says_so(tmp_path: Path) -> None:
    keys = load_keys({}, data_dir=tmp_path, derive_from="dev-secret")
    again = load_keys({}, data_dir=tmp_path, derive_from="dev-secret")
    assert keys == again and keys.audit != keys.voter_code and len(keys.audit) == 32
    assert keys.is_derived
    assert all("development" in s for s in keys.sources.values())


def test_development_uses_a_given_key_over_the_derived_one(tmp_path: Path) -> None:
    keys = load_keys({AUDIT: AUDIT_VALUE}, data_dir=tmp_path, derive_from="dev-secret")
    assert keys.audit == AUDIT_VALUE.encode()
    assert keys.sources[AUDIT] == f"{AUDIT} from the environment"
    assert keys.sources[VOTER_CODE].startswith("derived")
