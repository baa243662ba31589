"""Catalogue, category and search pages served straight from the database (no search index)."""

from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.core.loading import get_class, get_model

from store.search.selectors import product_listing

SearchForm = get_class("search.forms", "SearchForm")
BrowseCategoryForm = get_class("search.forms", "BrowseCategoryForm")
CategoryForm = get_class("search.forms", "CategoryForm")
Category = get_model("catalogue", "Category")


class ProductListView(ListView):
    """List products filtered and sorted by the query string; a bad page number goes to page 1."""

    form_class = SearchForm
    context_object_name = "products"
    paginate_by = None

    def get(self, request, *args, **kwargs):
        self.form = self.form_class(request.GET)
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            messages.error(request, _("The given page number was invalid."))
            return redirect(self.first_page_url())

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except InvalidPage as error:
            raise Http404(str(error)) from error

    def get_queryset(self):
        return product_listing(
            query=self.form.query, sort=self.form.sort, categories=self.categories()
        )

    def categories(self):
        """Return the categories to list from, or None for the whole catalogue."""
        return None

    def first_page_url(self) -> str:
        return self.request.path

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["query"] = self.form.query
        context["page"] = context["page_obj"]
        return context


class CatalogueView(ProductListView):
    """Browse every product in the catalogue."""

    form_class = BrowseCategoryForm
    template_name = "oscar/catalogue/browse.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(ProductListView):
    """Browse the products in a category and its sub-categories."""

    form_class = CategoryForm
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=self.kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404()
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        return super().get(request, *args, **kwargs)

    def categories(self):
        return Category.objects.get_tree(self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.name
        return context


class FacetedSearchView(ProductListView):
    """Search the catalogue by words in product titles and descriptions."""

    template_name = "oscar/search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results"] = context["products"]
        return context
