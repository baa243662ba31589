import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, served from the database instead of a Haystack index."""

    name = "store.search"
