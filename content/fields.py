from django.db import models

from content.sanitise import sanitise_html


class SanitisedHTMLField(models.TextField):
    """A text field holding editor HTML, cleaned to the allow-list every time it is saved."""

    def pre_save(self, model_instance, add):
        """Clean the value on the instance before it reaches the database."""
        value = sanitise_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
