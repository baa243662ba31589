from oscar.apps.partner.admin import *  # noqa: F403  (Oscar's admin for the forked partner app)
