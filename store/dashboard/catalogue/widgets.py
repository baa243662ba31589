from oscar.apps.dashboard.catalogue import widgets

from store.ids import row_ids


class ProductSelect(widgets.ProductSelect):
    """Oscar's product chooser, looking up only chosen values that could be product ids.

    When a form comes back with errors the chooser shows the chosen product again, and Oscar's
    looked up whatever was posted: a tampered value failed with a server error.
    """

    def optgroups(self, name, value, attrs=None):
        return super().optgroups(name, row_ids(value), attrs)
