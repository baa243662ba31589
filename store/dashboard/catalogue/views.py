from oscar.apps.dashboard.catalogue import views


class CategoryUpdateView(views.CategoryUpdateView):
    """Oscar's category form, shown again after an error with the category as it is saved.

    The form writes what was posted into the category while checking it; with an empty name
    Oscar's page then linked to a category address with no slug, a server error.
    """

    def form_invalid(self, form):
        self.object = self.get_object()
        return super().form_invalid(form)
