"""The upload part of every import form: the file (its size checked against the kind's limit
before it is read) and the choice to import a file again that was imported before."""

from django import forms
from django.utils.translation import gettext_lazy as _

from imports.files import import_limits, upload_size_refusal
from imports.jobs import repeat_refusal

TABLE_FILE_ENDINGS = (".csv", ".txt", ".xlsx")


class UploadForm(forms.Form):
    """Subclasses name the import's kind (`import_kind`, or a `kind` field) and add their
    own fields."""

    import_kind = "default"
    file = forms.FileField(label=_("Fil (CSV eller Excel)"))
    import_again = forms.BooleanField(
        label=_("Indlæs den igen"),
        required=False,
        help_text=_("Kun hvis præcis den samme fil med vilje skal indlæses en gang til."),
    )

    def chosen_kind(self) -> str:
        return self.cleaned_data.get("kind") or self.import_kind

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(TABLE_FILE_ENDINGS):
            raise forms.ValidationError(_("Filen skal være .csv eller .xlsx."))
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None or self.errors:
            return cleaned
        refusal = upload_size_refusal(upload.size, import_limits(self.chosen_kind()))
        if refusal:
            self.add_error("file", refusal)
            return cleaned
        self.data_bytes = upload.read()
        refusal = (
            ""
            if cleaned.get("import_again")
            else repeat_refusal(self.chosen_kind(), self.data_bytes)
        )
        if refusal:
            self.add_error("file", refusal)
        return cleaned
