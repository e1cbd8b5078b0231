"""Showing an action's refusal to the user, whatever shape its ValidationError has.

Actions refuse with `ValidationError`: a plain message, a list of messages, or a dict of
field → messages. A view shows it at the form's fields where it names them, else above the
form or as a flash message. One place, so no view assumes one shape (a plain message has no
`message_dict`, and assuming one turned refusals into server errors)."""

from django import forms
from django.core.exceptions import ValidationError

NON_FIELD = "__all__"


def refusal_by_field(error: ValidationError) -> dict[str, list[str]]:
    """{field or '__all__': [messages]} for any ValidationError, messages translated."""
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in errors] for field, errors in error.message_dict.items()}
    return {NON_FIELD: [str(m) for m in error.messages]}


def refusal_text(error: ValidationError) -> str:
    """The refusal as one sentence (or a few), for a flash message or an API's detail."""
    return " ".join(
        message for messages in refusal_by_field(error).values() for message in messages
    )


def refusal_to_form(form: forms.Form, error: ValidationError) -> None:
    """Put the refusal on the form: at a field the form has, otherwise on the form itself.
    The form keeps the user's input, so the page can be shown again as it was."""
    for field, messages in refusal_by_field(error).items():
        form.add_error(field if field in form.fields else None, messages)


def form_errors_text(form: forms.Form) -> str:
    """A bound form's errors as one text, for pages that answer a small form with a message."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)
