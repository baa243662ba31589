from oscar.apps.customer.admin import *  # noqa: F403  (Oscar's admin for the forked customer app)
