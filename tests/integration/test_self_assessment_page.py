"""The self-assessment form in the browser: each task box says what it counts, counts that do not
add up are refused next to the field with what was typed kept, and no proposal is shown before
anything is entered. 10 tasks, 9 on time, 1 exceeded, 0 late reads as "the exceeded one is one of
the ten": the form asks for counts that add up instead of silently leaving a task undone."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from canbo.classification.models import CycleSubject
from canbo.core.classification.lifecycle import Step

from . import classification_fixtures as cf

pytestmark = pytest.mark.django_db

SCORES = {"score_general": "28", "score_results": "65", "evidence": "Báo cáo năm"}


@pytest.fixture
def subject() -> tuple[Client, int]:
    c = cf.commune()
    cycle = cf.open_cycle(c)
    pk = cf.subject_of(cycle, person=c.members_a[0])
    users = cf.users(c)
    client = Client()
    client.force_login(users["bi-thu"])  # type: ignore[arg-type]
    return client, int(pk)


def _post(client: Client, pk: int, **tasks: str) -> tuple[int, str]:
    response = client.post(f"/danh-gia/doi-tuong/{pk}/self/", {**SCORES, **tasks})
    return response.status_code, response.content.decode()


def test_no_proposal_is_shown_before_anything_is_entered(subject: tuple[Client, int]) -> None:
    client, pk = subject
    page = client.get(f"/danh-gia/doi-tuong/{pk}/").content.decode()
    assert 'id="proposed"' not in page
    assert "Chưa có mức đề xuất: cần nhập bản tự đánh giá." in page


def test_each_task_box_says_what_it_counts(subject: tuple[Client, int]) -> None:
    client, pk = subject
    page = client.get(f"/danh-gia/doi-tuong/{pk}/").content.decode()
    assert "kể cả nhiệm vụ vượt mức" in page
    assert "Trong số nhiệm vụ đã hoàn thành, số nhiệm vụ vượt mức" in page
    assert 'name="tasks_not_done"' in page


def test_exceeded_tasks_counted_beside_the_on_time_ones_are_refused_next_to_the_field(
    subject: tuple[Client, int],
) -> None:
    client, pk = subject
    status, page = _post(
        client, pk, tasks_total="10", tasks_on_time="9", tasks_exceeded="1", tasks_late="0"
    )
    assert status == 400
    error = re.search(r'id="id_tasks_on_time"[^>]*>\s*<p class="field-error"[^>]*>([^<]+)', page)
    assert error is not None, page[page.find("form-self") :][:3000]
    assert "không bằng tổng số 10" in error[1]
    assert re.search(r'name="tasks_on_time"[^>]*value="9"', page)
    assert re.search(r'name="score_results"[^>]*value="65"', page)
    row = CycleSubject.objects.get(pk=pk)
    assert row.step == Step.OPENED


def test_more_exceeded_than_done_is_refused(subject: tuple[Client, int]) -> None:
    client, pk = subject
    status, page = _post(
        client, pk, tasks_total="10", tasks_on_time="2", tasks_exceeded="5", tasks_late="0",
        tasks_not_done="8",
    )  # fmt: skip
    assert status == 400
    assert "Số nhiệm vụ vượt mức không được lớn hơn số đã hoàn thành" in page


def test_a_score_out_of_range_comes_back_next_to_its_field(subject: tuple[Client, int]) -> None:
    client, pk = subject
    status, page = _post(
        client, pk, score_general="45", tasks_total="10", tasks_on_time="10",
        tasks_exceeded="1", tasks_late="0",
    )  # fmt: skip
    assert status == 400
    assert re.search(r'id="id_score_general"[^>]*>\s*<p class="field-error"', page)
    assert re.search(r'name="score_general"[^>]*value="45"', page)


def test_counts_that_add_up_are_taken_and_the_proposal_then_shows(
    subject: tuple[Client, int],
) -> None:
    client, pk = subject
    response = client.post(
        f"/danh-gia/doi-tuong/{pk}/self/",
        {**SCORES, "tasks_total": "10", "tasks_on_time": "8", "tasks_exceeded": "1",
         "tasks_late": "0", "tasks_not_done": "2"},
    )  # fmt: skip
    assert response.status_code == 302
    row = CycleSubject.objects.get(pk=pk)
    assert (row.step, row.tasks_on_time, row.tasks_late) == (Step.SELF, 8, 0)
    page = client.get(f"/danh-gia/doi-tuong/{pk}/").content.decode()
    assert 'id="proposed"' in page


def test_the_first_refused_box_alone_takes_the_focus(subject: tuple[Client, int]) -> None:
    client, pk = subject
    status, page = _post(
        client, pk, tasks_total="10", tasks_on_time="9", tasks_exceeded="12", tasks_late="2",
    )  # fmt: skip
    assert status == 400
    assert page.count('aria-invalid="true"') == 2
    assert page.count(" autofocus") == 1
    assert re.search(r'id="id_tasks_on_time"[^>]*aria-invalid="true" autofocus>', page)
    fresh = client.get(f"/danh-gia/doi-tuong/{pk}/").content.decode()
    assert " autofocus" not in fresh


def test_grades_of_the_2024_rulebook_are_chosen_by_name_not_typed_as_codes() -> None:
    import datetime as dt

    from canbo.classification.store import DjangoClassificationUnitOfWork
    from canbo.core.types import Role
    from canbo.services.classification import cycle as cycle_svc

    c = cf.commune()
    staff = cf.actor("ban-to-chuc-tinh", Role.ORG_STAFF, c.province)
    cycle = cycle_svc.open_cycle(
        DjangoClassificationUnitOfWork(), staff, 2024, c.province, dt.date(2024, 12, 31),
        "Xếp loại 2024", now=cf.NOW,
    )  # fmt: skip
    pk = cf.subject_of(cycle, person=c.members_a[0])
    client = Client()
    client.force_login(cf.users(c)["bi-thu"])  # type: ignore[arg-type]
    page = client.get(f"/danh-gia/doi-tuong/{pk}/").content.decode()
    form = page[page.find('id="form-self"') :]
    assert "xuat_sac, tot" not in form
    assert re.search(r'<select name="grade_results"[^>]*>', form)
    assert '<option value="xuat_sac">Xuất sắc</option>' in form
    tasks = {"tasks_total": "10", "tasks_on_time": "9", "tasks_exceeded": "1", "tasks_late": "0"}
    refused = client.post(
        f"/danh-gia/doi-tuong/{pk}/self/",
        {"grade_results": "tot", "grade_other_min": "trung_binh", **tasks},
    ).content.decode()
    assert '<option value="tot" selected>Tốt</option>' in refused
    assert '<option value="trung_binh" selected>Trung bình</option>' in refused
    response = client.post(
        f"/danh-gia/doi-tuong/{pk}/self/",
        {"grade_results": "tot", "grade_other_min": "tot", **tasks, "tasks_on_time": "10"},
    )
    assert response.status_code == 302
    row = CycleSubject.objects.get(pk=pk)
    assert (row.step, row.grade_results, row.grade_other_min) == (Step.SELF, 2, 2)


def test_a_cell_secretary_opening_the_cycle_lands_on_the_cell_review_page() -> None:
    import datetime as dt

    from django.contrib.auth.models import User

    from canbo.accounts.models import RoleGrant

    c = cf.commune()
    cycle = cf.open_cycle(c)
    client = Client()
    secretary = User.objects.create_user("bi-thu-chi-bo")
    RoleGrant.objects.create(
        user=secretary, role="cell_secretary", unit_id=c.cell_a, valid_from=dt.date(2020, 1, 1)
    )
    client.force_login(secretary)
    response = client.get(f"/danh-gia/{cycle}/")
    assert response.status_code == 302
    assert response["Location"] == f"/danh-gia/{cycle}/don-vi/{c.cell_a}/"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/danh-gia/{cycle + 1}/").status_code == 404
    outsider = User.objects.create_user("ngoai-pham-vi")
    other = cf.f.unit("Đảng bộ tỉnh Yên Bái", cf.UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    RoleGrant.objects.create(
        user=outsider, role="cell_secretary", unit_id=other, valid_from=dt.date(2020, 1, 1)
    )
    client.force_login(outsider)
    assert client.get(f"/danh-gia/{cycle}/").status_code == 404
