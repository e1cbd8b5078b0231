"""Form rendering in the Danish design system's markup (DKFDS form groups)."""

from django.forms.renderers import TemplatesSetting


class DesignSystemFormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
