"""Login and TOTP forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import throttle


class ThrottledLoginForm(AuthenticationForm):
    """Username and password, refused without checking once the key is throttled."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "throttled": _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."),
        }
        self.throttled = False
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")

    def clean(self) -> dict[str, Any]:
        if self.request is None:
            raise ImproperlyConfigured("ThrottledLoginForm needs the request")
        key = throttle.attempt_key(self.request, self.cleaned_data.get("username") or "")
        now = timezone.now()
        if throttle.is_throttled(key, now):
            self.throttled = True
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(key, now)
            raise
        throttle.clear(key)
        return cleaned


class TokenForm(forms.Form):
    """A six-digit code from the authenticator app."""

    token = forms.CharField(
        label=_("Mã xác thực"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        token = "".join(str(self.cleaned_data["token"]).split())
        if not token.isdigit():
            raise forms.ValidationError(_("Mã chỉ gồm chữ số."), code="not_digits")
        return token
